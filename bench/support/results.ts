import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './app-server'

/** Writes one run's figures to bench/results/<name>-<time>.json, with the machine they ran on. */
export function writeBenchResult(name: string, figures: Record<string, unknown>): string {
  const dir = path.join(repoRoot, 'bench/results')
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  const machine = {
    cpus: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg(),
  }
  writeFileSync(file, JSON.stringify({ machine, ...figures }, null, 2))
  return file
}

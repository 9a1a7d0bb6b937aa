// Runs the production server (`next start` through scripts/serve.ts) the way the end-to-end
// configuration does, on the embedded database or on a PostgreSQL database made for the run.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export type DatabaseKind = 'pglite' | 'postgres'

export type AppServer = {
  baseUrl: string
  /** The database the server uses, for setting up data and checking results. */
  databaseUrl: string
  /** Output of the server, kept to explain a failure. */
  log: () => string
  /** CPU time (user + system) used so far by the server's processes, in ms; undefined off Linux. */
  cpuMs: () => number | undefined
  stop: () => Promise<void>
}

/** `next start` needs a production build; build once when there is none. */
export async function ensureBuild() {
  if (existsSync(path.join(repoRoot, '.next/BUILD_ID'))) return
  console.log('No production build (.next/BUILD_ID): running next build…')
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'build'],
      { cwd: repoRoot, stdio: 'inherit' },
    )
    child.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`)
}

export const currentBuildId = () =>
  readFileSync(path.join(repoRoot, '.next/BUILD_ID'), 'utf8').trim()

/** A fresh database on the PostgreSQL server of `adminUrl`, dropped by `drop()`. */
export async function createPostgresDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitForHomePage(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5_000) })
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(300)
  }
  throw new Error(`GET ${baseUrl}/ did not answer 200 within ${timeoutMs / 1000} s`)
}

/**
 * Starts `tsx scripts/serve.ts start` in its own process group with the end-to-end
 * settings, but with the background jobs off so the dispatcher leaves the outbox alone
 * while it is measured and checked.
 */
export async function startAppServer(options: {
  database: DatabaseKind
  port: number
  dataDir: string
  databaseUrl?: string
  poolSize?: number
}): Promise<AppServer> {
  const baseUrl = `http://localhost:${options.port}`
  mkdirSync(options.dataDir, { recursive: true })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_URL: baseUrl,
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    CRON_SECRET: 'bench-cron-secret',
    DATA_DIR: options.dataDir,
    SEED_DEMO_DATA: '1',
    BACKGROUND_JOBS: 'off',
    SMS_PROVIDER: 'none',
  }
  delete env.DATABASE_URL
  delete env.EMBEDDED_DATABASE
  if (options.poolSize) env.DATABASE_POOL_SIZE = String(options.poolSize)
  // Node options for the server's processes only (not this client), e.g. a CPU profile:
  // BENCH_SERVER_NODE_OPTIONS="--import ./bench/support/cpu-profiler.mjs" (see that file).
  if (process.env.BENCH_SERVER_NODE_OPTIONS)
    env.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS
  if (options.database === 'pglite') env.EMBEDDED_DATABASE = 'memory'
  else env.DATABASE_URL = options.databaseUrl

  const child = spawn(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    ['scripts/serve.ts', 'start', '--port', String(options.port)],
    {
      cwd: repoRoot,
      env,
      detached: true, // its own process group: tsx, next and the embedded database stop together
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return // already gone
    }
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])
    if (!stopped) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // gone meanwhile
      }
      await exited
    }
  }

  try {
    await waitForHomePage(baseUrl, child, 180_000)
    let databaseUrl = options.databaseUrl
    if (options.database === 'pglite') {
      // The embedded server belongs to the serve.ts process and says where it listens.
      const state = JSON.parse(readFileSync(path.join(options.dataDir, 'pglite.json'), 'utf8')) as {
        port: number
      }
      databaseUrl = `postgres://postgres:postgres@127.0.0.1:${state.port}/postgres`
    }
    return {
      baseUrl,
      databaseUrl: databaseUrl!,
      log: () => output,
      cpuMs: () => processGroupCpuMs(child.pid!),
      stop,
    }
  } catch (error) {
    await stop()
    console.error(output)
    throw error
  }
}

/** Sums utime + stime of the processes of a group, from /proc (Linux). */
function processGroupCpuMs(groupId: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined
  const ticksPerSecond = 100 // USER_HZ, 100 on every Linux architecture Node supports
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name "(…)": state ppid pgrp … utime(14th) stime(15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / ticksPerSecond
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true })
}

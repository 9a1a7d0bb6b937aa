/**
 * Benchmark: the staff applications table (/equipe/candidatures) over 100,000 applications.
 *
 * What is measured. `next start` serves the table to a signed-in coordinator (a database
 * session made for the run). Each view (a sort, a filter, a search, a deep page) is one GET
 * of the page, timed from the request to the last byte of the HTML: the full server
 * response, as a person waits for it. The views and a plain page of the same staff space
 * (`/equipe`, the dashboard: same layout, session and membership checks, one small query)
 * are requested in rounds, every view once per round, so that a busy moment of the shared
 * machine falls on all of them alike; the figure of a view is the median of its rounds, and
 * "× plain" is that median over the plain page's median in the same run.
 *
 * What must hold, or the run fails (exit code 1): every response is 200 and shows the number
 * of applications that straight SQL (not the app's code) counts for that view.
 * `--budget-ms` (default 150) is printed against each view; going over it is reported, and
 * fails the run only with `--strict`.
 *
 *   npx tsx bench/staff-table.ts [--rows 100000] [--runs 5] [--databases postgres]
 *     [--port 3310] [--budget-ms 150] [--strict] [--postgres-url postgres://postgres@127.0.0.1:5432/postgres]
 */
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import {
  createPostgresDatabase,
  ensureBuild,
  removeDir,
  startAppServer,
  type DatabaseKind,
} from './support/app-server'
import { writeBenchResult } from './support/results'
import { expectedTotal, seedStaffTable, staffTableViews } from './support/staff-table-data'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: process.env.BENCH_ROWS ?? '100000' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    databases: { type: 'string', default: process.env.BENCH_DATABASES ?? 'postgres' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3310' },
    'budget-ms': { type: 'string', default: process.env.BENCH_BUDGET_MS ?? '150' },
    strict: { type: 'boolean', default: false },
    'postgres-url': {
      type: 'string',
      default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
})
const rows = Number(values.rows)
const runs = Number(values.runs)
const budgetMs = Number(values['budget-ms'])
const databases = values.databases!.split(',').map((d) => d.trim()) as DatabaseKind[]

/** The number the page announces ("100000 candidatures"), or undefined when absent. */
function announcedTotal(html: string): number | undefined {
  const match = html.replace(/<!-- -->/g, '').match(/role="status">(\d+) candidatures?</)
  return match ? Number(match[1]) : undefined
}

async function get(url: string, cookie: string) {
  const started = performance.now()
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' })
  const html = await response.text()
  return { ms: performance.now() - started, status: response.status, html }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function runOn(database: DatabaseKind, port: number) {
  const dataDir = path.join(os.tmpdir(), `tremplin-bench-staff-table-${database}-${process.pid}`)
  const pgDatabase =
    database === 'postgres'
      ? await createPostgresDatabase(
          values['postgres-url']!,
          `tremplin_bench_staff_table_${Date.now()}_${process.pid}`,
        )
      : undefined
  const server = await startAppServer({ database, port, dataDir, databaseUrl: pgDatabase?.url })
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 })
  try {
    const seedStarted = performance.now()
    const seeded = await seedStaffTable(pool, rows)
    console.log(
      `  ${database}: ${rows} applications inserted in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    )
    const cookie = `authjs.session-token=${seeded.sessionToken}`
    const list = staffTableViews(seeded)
    const plain = { name: 'plain page (/equipe)', url: `${server.baseUrl}/equipe` }
    const targets = [
      plain,
      ...list.map((v) => ({
        name: v.name,
        url: `${server.baseUrl}/equipe/candidatures${v.query}`,
      })),
    ]
    const failures: string[] = []
    const expected = new Map<string, number>()
    for (const view of list)
      expected.set(view.name, await expectedTotal(pool, seeded.establishmentId, view))
    const timings = new Map<string, number[]>(targets.map((t) => [t.name, []]))
    // Round 0 warms each route up (compilation, caches, connections) and is not timed.
    for (let round = 0; round <= runs; round++) {
      for (const target of targets) {
        const result = await get(target.url, cookie)
        if (result.status !== 200) {
          failures.push(`${target.name}: HTTP ${result.status}`)
          continue
        }
        if (round === 0 && expected.has(target.name)) {
          const shown = announcedTotal(result.html)
          if (shown !== expected.get(target.name))
            failures.push(
              `${target.name}: shows ${shown} applications, SQL counts ${expected.get(target.name)}`,
            )
        }
        if (round > 0) timings.get(target.name)!.push(result.ms)
      }
    }
    const plainMs = median(timings.get(plain.name)!)
    const results = targets.map((t) => {
      const ms = timings.get(t.name)!
      return {
        view: t.name,
        path: t.url.slice(server.baseUrl.length),
        medianMs: median(ms),
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        timesPlain: median(ms) / plainMs,
        total: expected.get(t.name),
      }
    })
    return { database, rows, runs, plainMs, results, failures }
  } finally {
    await pool.end()
    await server.stop()
    await pgDatabase?.drop()
    removeDir(dataDir)
  }
}

await ensureBuild()
const all = []
let port = Number(values.port)
for (const database of databases) {
  console.log(`Staff table over ${rows} applications on ${database}, median of ${runs}…`)
  all.push(await runOn(database, port++))
}
const over: string[] = []
for (const run of all) {
  console.log(`\n${run.database}, ${run.rows} applications, median of ${run.runs} (min–max):\n`)
  console.log('| View | Median ms | Min–max ms | × plain page | Applications shown |')
  console.log('|---|---|---|---|---|')
  for (const r of run.results) {
    const flag = r.total !== undefined && r.medianMs > budgetMs ? ' ⚠' : ''
    if (flag) over.push(`${run.database}: ${r.view} ${r.medianMs.toFixed(0)} ms`)
    console.log(
      `| ${r.view} | ${r.medianMs.toFixed(0)}${flag} | ${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)} | ${r.timesPlain.toFixed(1)} | ${r.total ?? ''} |`,
    )
  }
}
writeBenchResult('staff-table', { budgetMs, runs: all })
if (over.length) console.log(`\nOver ${budgetMs} ms:\n- ${over.join('\n- ')}`)
const failures = all.flatMap((r) => r.failures.map((f) => `${r.database}: ${f}`))
if (failures.length || (values.strict && over.length)) {
  if (failures.length) console.error(`\nFAILED:\n- ${failures.join('\n- ')}`)
  process.exit(1)
}

/**
 * Benchmark: N recommenders submit their recommendation at the same time.
 *
 * What is measured. The real path, end to end: `next start` (production build) serves
 * POST /recommandation/<token> with the `Next-Action` header, exactly as the browser posts
 * the form; the action validates, locks the request, stores the recommendation, renders
 * and queues two emails and writes the audit entry in one transaction. We report the
 * throughput (accepted submissions per second) and the p50/p95 latency of one submission,
 * on the embedded PGlite and on a real PostgreSQL.
 *
 * Why the baseline. Absolute figures depend on the machine; the ratio does much less. In the
 * same run and against the same database, the same rows (the recommendation, the request
 * update and the two outbox emails, copied from what the app stored) are inserted with plain
 * `pg`, one transaction per submission, at the same concurrency. "app time / raw time" then
 * says what the app costs above the unavoidable writes: HTTP and RSC, validation, the link
 * lookup and its lock, email rendering, the audit entry, the pool.
 *
 * What must hold, or the run fails (exit code 1). Some recommenders double-click: their two
 * POSTs leave at the same instant. Every recommender gets exactly one accepted response and
 * the loser of a double click the "already submitted" message; in the database each request
 * has exactly one submitted recommendation (with the code the response gave), its status
 * "received", one audit entry, exactly one 'recommendation-confirmation' email to the
 * recommender and one 'recommendation-received' email to the candidate.
 *
 *   npx tsx bench/recommendation-submit.ts [--n 100] [--concurrency 20] [--databases pglite,postgres]
 *     [--duplicates 0.1] [--warmup 10] [--app-pool-size 10] [--port 3200]
 *     [--postgres-url postgres://postgres@127.0.0.1:5432/postgres]
 *   or the same as BENCH_N, BENCH_CONCURRENCY, BENCH_DATABASES, BENCH_DUPLICATES, BENCH_WARMUP,
 *   BENCH_APP_POOL_SIZE, BENCH_PORT, BENCH_POSTGRES_URL. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Database } from '../db'
import * as schema from '../db/schema'
import {
  createPostgresDatabase,
  currentBuildId,
  ensureBuild,
  removeDir,
  repoRoot,
  startAppServer,
  type AppServer,
  type DatabaseKind,
} from './support/app-server'
import {
  createBenchCampaign,
  recommendationInput,
  submitApplications,
  type PendingRecommendation,
} from './support/fixtures'
import { runPool, timing, type Timing } from './support/measure'
import { rawInsertBaseline } from './support/raw-baseline'
import { callServerAction, serverActionId } from './support/server-action'
import { checkSubmissions } from './support/submission-checks'

type Options = {
  n: number
  concurrency: number
  databases: DatabaseKind[]
  duplicates: number
  port: number
  postgresUrl: string
  warmup: number
  /** DATABASE_POOL_SIZE of the app server; unset: the app's default (10). */
  appPoolSize?: number
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      n: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      databases: { type: 'string' },
      duplicates: { type: 'string' },
      port: { type: 'string' },
      'postgres-url': { type: 'string' },
      warmup: { type: 'string' },
      'app-pool-size': { type: 'string' },
    },
  })
  const env = process.env
  const int = (value: string | undefined, fallback: number, min: number) => {
    const n = value === undefined ? fallback : Number(value)
    if (!Number.isInteger(n) || n < min)
      throw new Error(`expected an integer ≥ ${min}, got ${value}`)
    return n
  }
  const databases = (values.databases ?? env.BENCH_DATABASES ?? 'pglite,postgres')
    .split(',')
    .map((d) => d.trim())
  for (const d of databases)
    if (d !== 'pglite' && d !== 'postgres')
      throw new Error(`unknown database ${d}: pglite or postgres`)
  const appPoolSize = values['app-pool-size'] ?? env.BENCH_APP_POOL_SIZE
  const duplicates = Number(values.duplicates ?? env.BENCH_DUPLICATES ?? 0.1)
  if (!(duplicates >= 0 && duplicates <= 1))
    throw new Error('--duplicates is a fraction between 0 and 1')
  return {
    n: int(values.n ?? env.BENCH_N, 100, 1),
    concurrency: int(values.concurrency ?? env.BENCH_CONCURRENCY, 20, 1),
    databases: databases as DatabaseKind[],
    duplicates,
    port: int(values.port ?? env.BENCH_PORT, 3200, 1024),
    postgresUrl:
      values['postgres-url'] ??
      env.BENCH_POSTGRES_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    warmup: int(values.warmup ?? env.BENCH_WARMUP, 10, 0),
    appPoolSize: appPoolSize === undefined ? undefined : int(appPoolSize, 10, 1),
  }
}

type RunResult = {
  database: DatabaseKind
  app?: Timing & {
    attempts: number
    rejectedDuplicates: number
    serverCpuMsPerSubmission: number
    clientCpuMsPerSubmission: number
  }
  raw?: Timing
  ratio?: number
  problems: string[]
  /** The server's output, kept when something went wrong. */
  serverLog?: string
}

// Cleanups of what is running, for a failure or Ctrl-C (the server runs in its own process group).
const cleanups = new Set<() => Promise<void>>()
async function cleanUp() {
  for (const cleanup of [...cleanups].reverse())
    await cleanup().catch((error) => console.error('cleanup failed:', error))
  cleanups.clear()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server and removing the data…`)
    void cleanUp().finally(() => process.exit(130))
  })
}

const ALREADY_SUBMITTED = 'déjà été transmis'
type Outcome =
  | { kind: 'accepted'; code: string; ms: number }
  | { kind: 'already'; ms: number }
  | { kind: 'error'; ms: number; detail: string }

function outcomeOf(call: Awaited<ReturnType<typeof callServerAction>>): Outcome {
  const result = call.result as
    { ok?: boolean; data?: { verificationCode?: unknown }; formError?: unknown } | undefined
  if (
    call.status === 200 &&
    result?.ok === true &&
    typeof result.data?.verificationCode === 'string'
  )
    return { kind: 'accepted', code: result.data.verificationCode, ms: call.ms }
  if (
    call.status === 200 &&
    result?.ok === false &&
    String(result.formError).includes(ALREADY_SUBMITTED)
  )
    return { kind: 'already', ms: call.ms }
  return { kind: 'error', ms: call.ms, detail: `HTTP ${call.status} ${call.body.slice(0, 300)}` }
}

/** Every recommender of `requests` submits, `concurrency` at a time; double-clickers post twice at once. */
async function submitThroughApp(
  server: AppServer,
  actionId: string,
  requests: PendingRecommendation[],
  input: unknown,
  concurrency: number,
  doubleClick: (i: number) => boolean,
) {
  const outcomes = new Map<string, Outcome[]>()
  const started = performance.now()
  await runPool(requests.length, concurrency, async (i) => {
    const { token, requestId } = requests[i]!
    const post = () =>
      callServerAction(`${server.baseUrl}/recommandation/${token}`, actionId, [token, input], {
        'User-Agent': 'tremplin-bench/1.0',
      })
        .then(outcomeOf)
        .catch((error: unknown): Outcome => ({
          kind: 'error',
          ms: Number.NaN,
          detail: String(error),
        }))
    outcomes.set(requestId, await Promise.all(doubleClick(i) ? [post(), post()] : [post()]))
  })
  return { outcomes, wallMs: performance.now() - started }
}

/** Problems with the HTTP answers: one accepted response per recommender, only "already submitted" besides. */
function responseProblems(outcomes: Map<string, Outcome[]>): string[] {
  const problems: string[] = []
  for (const [requestId, list] of outcomes) {
    const accepted = list.filter((o) => o.kind === 'accepted').length
    if (accepted !== 1)
      problems.push(`request ${requestId}: ${accepted} accepted responses, expected 1`)
    for (const o of list)
      if (o.kind === 'error') problems.push(`request ${requestId}: unexpected response ${o.detail}`)
  }
  return problems
}

async function benchDatabase(database: DatabaseKind, options: Options): Promise<RunResult> {
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`
  const dataDir = path.join(repoRoot, `.data/bench-${stamp}-${database}`)
  const result: RunResult = { database, problems: [] }
  console.log(
    `\n== ${database}: ${options.n} recommenders, concurrency ${options.concurrency}, app pool ${options.appPoolSize ?? 'default (10)'} ==`,
  )
  cleanups.add(async () => removeDir(dataDir))
  let server: AppServer | undefined
  try {
    let databaseUrl: string | undefined
    if (database === 'postgres') {
      const created = await createPostgresDatabase(options.postgresUrl, `tremplin_bench_${stamp}`)
      cleanups.add(created.drop)
      databaseUrl = created.url
    }
    const port = options.port + (database === 'pglite' ? 0 : 1)
    server = await startAppServer({
      database,
      port,
      dataDir,
      databaseUrl,
      poolSize: options.appPoolSize,
    })
    cleanups.add(server.stop)
    process.env.APP_URL = server.baseUrl // the links in the invitation emails point to this server
    // Action ids change with every build: read them from the build this server runs.
    const buildId = currentBuildId()
    const actionId = serverActionId(
      'app/(public)/recommandation/[token]/actions.ts',
      'submitRecommendationAction',
    )
    console.log(`server ready on ${server.baseUrl} (build ${buildId})`)

    const setupConcurrency = 8
    const pool = new pg.Pool({
      connectionString: server.databaseUrl,
      max: setupConcurrency,
      query_timeout: 60_000,
    })
    cleanups.add(() => pool.end())
    const db = drizzle({ client: pool, schema }) as Database

    // Set-up: applications for the app run (warm-up + measured), as many again for the baseline.
    const setupStarted = performance.now()
    const campaign = await createBenchCampaign(db)
    const total = options.warmup + 2 * options.n
    const pending = await submitApplications(db, campaign.id, total, setupConcurrency)
    const viaApp = pending.slice(0, options.warmup + options.n)
    const warmup = viaApp.slice(0, options.warmup)
    const measured = viaApp.slice(options.warmup)
    const forBaseline = pending.slice(options.warmup + options.n)
    const input = await recommendationInput(db, campaign.id)
    console.log(
      `set-up: ${total} applications submitted, tokens read from the outbox (${((performance.now() - setupStarted) / 1000).toFixed(1)} s)`,
    )

    const { rows } = await pool.query<{ now: Date }>('select clock_timestamp() as now')
    const since = rows[0]!.now

    // Warm-up (not timed): loads the action's code and opens the app's pool connections.
    const warm = await submitThroughApp(
      server,
      actionId,
      warmup,
      input,
      options.concurrency,
      () => false,
    )
    const doubleClicks = (i: number) =>
      Math.floor(i * options.duplicates) !== Math.floor((i + 1) * options.duplicates)
    const serverCpuBefore = server.cpuMs()
    const clientCpuBefore = process.cpuUsage()
    const run = await submitThroughApp(
      server,
      actionId,
      measured,
      input,
      options.concurrency,
      doubleClicks,
    )
    const serverCpuMs = (server.cpuMs() ?? Number.NaN) - (serverCpuBefore ?? Number.NaN)
    const clientCpu = process.cpuUsage(clientCpuBefore)

    const measuredOutcomes = [...run.outcomes.values()].flat()
    const accepted = measuredOutcomes.filter((o) => o.kind === 'accepted')
    result.app = {
      ...timing(
        accepted.map((o) => o.ms),
        run.wallMs,
      ),
      attempts: measuredOutcomes.length,
      rejectedDuplicates: measuredOutcomes.filter((o) => o.kind === 'already').length,
      serverCpuMsPerSubmission: serverCpuMs / measured.length,
      clientCpuMsPerSubmission: (clientCpu.user + clientCpu.system) / 1000 / measured.length,
    }
    const acceptedCodes = new Map<string, string>()
    for (const [requestId, list] of [...warm.outcomes, ...run.outcomes]) {
      const code = list.find((o) => o.kind === 'accepted')
      if (code?.kind === 'accepted') acceptedCodes.set(requestId, code.code)
    }
    result.problems.push(...responseProblems(new Map([...warm.outcomes, ...run.outcomes])))
    result.problems.push(...(await checkSubmissions(pool, viaApp, since, acceptedCodes)))
    console.log(
      `app: ${accepted.length} accepted of ${result.app.attempts} POSTs (${result.app.rejectedDuplicates} double clicks refused) in ${(run.wallMs / 1000).toFixed(2)} s → ` +
        `${result.app.perSecond.toFixed(1)} submissions/s, p50 ${result.app.p50.toFixed(0)} ms, p95 ${result.app.p95.toFixed(0)} ms, max ${result.app.max.toFixed(0)} ms`,
    )
    if (currentBuildId() !== buildId)
      result.problems.push(
        'the build changed during the run (next build ran meanwhile): action ids no longer match, run again',
      )
    console.log(
      `CPU per submission: server ${result.app.serverCpuMsPerSubmission.toFixed(1)} ms (next + tsx${database === 'pglite' ? ' + PGlite' : ''}), ` +
        `this client ${result.app.clientCpuMsPerSubmission.toFixed(1)} ms`,
    )
    console.log(
      result.problems.length === 0
        ? 'checks: every submission stored once, with exactly its two emails'
        : `checks: ${result.problems.length} problem(s)`,
    )

    result.raw = await rawInsertBaseline(
      server.databaseUrl,
      measured,
      forBaseline,
      options.concurrency,
    )
    result.ratio = run.wallMs / result.raw.wallMs
    console.log(
      `raw inserts: ${result.raw.count} transactions in ${(result.raw.wallMs / 1000).toFixed(2)} s → ${result.raw.perSecond.toFixed(1)} tx/s, ` +
        `p50 ${result.raw.p50.toFixed(1)} ms, p95 ${result.raw.p95.toFixed(1)} ms`,
    )
    console.log(`app time / raw-insert time: ${result.ratio.toFixed(1)}×`)
  } catch (error) {
    result.problems.push(
      `run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
  } finally {
    if (result.problems.length > 0 && server) {
      result.serverLog = path.join(
        resultsDir,
        `recommendation-submit-${runStamp}-${database}-server.log`,
      )
      writeFileSync(result.serverLog, server.log())
    }
    await cleanUp()
  }
  return result
}

function summary(results: RunResult[], options: Options): string {
  const f = (value: number | undefined, digits = 0) =>
    value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits)
  const lines = [
    `| database | app pool | N | concurrency | double clicks refused | submissions/s | p50 ms | p95 ms | server CPU ms/submission | raw tx/s | raw p50 ms | raw p95 ms | app time / raw time | checks |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
  ]
  for (const r of results) {
    lines.push(
      `| ${r.database} | ${options.appPoolSize ?? 10} | ${options.n} | ${options.concurrency} | ${r.app?.rejectedDuplicates ?? '—'} | ${f(r.app?.perSecond, 1)} | ${f(r.app?.p50)} | ${f(r.app?.p95)} | ${f(r.app?.serverCpuMsPerSubmission, 1)} | ` +
        `${f(r.raw?.perSecond, 0)} | ${f(r.raw?.p50, 1)} | ${f(r.raw?.p95, 1)} | ${f(r.ratio, 1)}× | ${r.problems.length === 0 ? 'ok' : `${r.problems.length} FAILED`} |`,
    )
  }
  return lines.join('\n')
}

const runStamp = new Date().toISOString().replace(/[:.]/g, '-')
const resultsDir = path.join(repoRoot, 'bench/results')
mkdirSync(resultsDir, { recursive: true })
const options = parseOptions()
await ensureBuild()
const results: RunResult[] = []
for (const database of options.databases) results.push(await benchDatabase(database, options))

const table = summary(results, options)
console.log(`\n${table}`)
console.log(
  `\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
)
const file = path.join(resultsDir, `recommendation-submit-${runStamp}.json`)
writeFileSync(
  file,
  JSON.stringify(
    {
      options,
      results,
      machine: { cpus: os.cpus().length, memory: os.totalmem(), node: process.version },
    },
    null,
    2,
  ),
)
console.log(`details: ${path.relative(repoRoot, file)}`)

const failed = results.filter((r) => r.problems.length > 0)
if (failed.length > 0) {
  for (const r of failed) {
    // The same problem for many requests is printed once, with how many requests it hit.
    const kinds = new Map<string, number>()
    for (const p of r.problems) {
      const kind = p
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
        .replace(/"(b|digest)":"[^"]*"/g, '"$1":…')
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    }
    console.error(
      `\nFAILED on ${r.database}: ${r.problems.length} problem(s)${r.serverLog ? `; server output in ${path.relative(repoRoot, r.serverLog)}` : ''}`,
    )
    for (const [kind, count] of kinds) console.error(`  ${count}× ${kind.replace(/\n/g, ' ')}`)
  }
  process.exit(1)
}
console.log('\nAll checks passed.')
process.exit(0)

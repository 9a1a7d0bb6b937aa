/**
 * Benchmark: export 100,000 applications as CSV and XLSX through the real route.
 *
 * What is measured. `next start` serves GET /api/exports/candidatures to a signed-in
 * coordinator (a database session made for the run); the route authorizes, writes the audit
 * entry and streams the export: batches of 1,000 applications, each read in one query with
 * their documents, recommendations, reviews and decisions, every column. We time the whole
 * download and sample, every 50 ms, the resident memory of the server's processes (the app
 * and, on PGlite, the embedded database, which live in the same process group).
 *
 * The baseline, in the same run against the same database: the same 100,000 rows read with
 * plain `pg` in keyset batches of 500, without formatting. "export time / raw read time" is
 * what the export adds (joins, per-batch lookups, formatting, CSV or the XLSX zip, HTTP).
 *
 * What must hold, or the run fails (exit code 1): the CSV has exactly 100,001 lines (header
 * and one per application), the XLSX is a zip, and the server's resident memory never grows
 * by more than `--memory-budget-mb` (default 300 MB) above what it was before the export:
 * the file is never held whole in memory.
 *
 *   npx tsx bench/applications-export.ts [--rows 100000] [--databases pglite,postgres] [--port 3210]
 *     [--memory-budget-mb 300] [--postgres-url postgres://postgres@127.0.0.1:5432/postgres]
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
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

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: process.env.BENCH_ROWS ?? '100000' },
    databases: { type: 'string', default: process.env.BENCH_DATABASES ?? 'pglite,postgres' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3210' },
    'memory-budget-mb': { type: 'string', default: process.env.BENCH_MEMORY_BUDGET_MB ?? '300' },
    'postgres-url': {
      type: 'string',
      default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
})
const rows = Number(values.rows)
const budgetMb = Number(values['memory-budget-mb'])
const databases = values.databases!.split(',').map((d) => d.trim()) as DatabaseKind[]

/** Resident memory (MB) of every process of a process group, from /proc (Linux). */
function groupRssMb(groupId: number): number {
  let kb = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== groupId) continue
      const match = readFileSync(`/proc/${entry}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
      kb += Number(match?.[1] ?? 0)
    } catch {
      // ended meanwhile
    }
  }
  return kb / 1024
}

function serverGroupId(port: number): number {
  // The group leader is the tsx process started by startAppServer; find it by its command line.
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (cmd.includes('scripts/serve.ts') && cmd.includes(String(port))) {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
      }
    } catch {
      // ended meanwhile
    }
  }
  throw new Error('server process not found')
}

/** Fills a campaign with `count` complete applications, fast (set-based SQL). */
async function seedApplications(pool: pg.Pool, count: number) {
  const {
    rows: [ozenne],
  } = await pool.query<{ id: string }>(`select id from establishments where uai = '0310044E'`)
  const {
    rows: [programme],
  } = await pool.query<{ id: string }>(
    `insert into programmes (establishment_id, name, level) values ($1, $2, 'Bac+2') returning id`,
    [ozenne!.id, `Bench ${randomBytes(3).toString('hex')}`],
  )
  const {
    rows: [campaign],
  } = await pool.query<{ id: string }>(
    `insert into admission_campaigns (establishment_id, programme_id, name, opens_at, closes_at, required_recommendations, recommendation_deadline)
     values ($1, $2, 'Bench export', now() - interval '10 days', now() + interval '30 days', 0, now() + interval '40 days') returning id`,
    [ozenne!.id, programme!.id],
  )
  for (let done = 0; done < count; done += 20_000) {
    const n = Math.min(20_000, count - done)
    await pool.query(
      `insert into users (id, email, name) select 'bench-' || $2 || '-' || g, 'bench-' || $2 || '-' || g || '@exemple.fr', 'Bench' from generate_series(1, $1::int) g`,
      [n, `${campaign!.id.slice(0, 8)}-${done}`],
    )
    await pool.query(
      `insert into applications (establishment_id, campaign_id, candidate_user_id, status, email, civility, first_name, last_name, birth_date, phone, address_line, postal_code, city, country,
         diploma, current_establishment, specialty, graduation_year, motivation, search_text, submitted_at)
       select $1, $2, u.id, 'complete', u.email, 'mme', 'Léa', 'Martin ' || u.id, '2004-05-12', '+33612345678', '12 rue des Lilas', '31000', 'Toulouse', 'France',
         'bts', 'Lycée Déodat de Séverac', 'BTS Comptabilité et gestion', 2026, repeat('Je souhaite rejoindre cette formation. ', 10), 'lea martin', now()
       from users u where u.id like 'bench-' || $3 || '-%'`,
      [ozenne!.id, campaign!.id, `${campaign!.id.slice(0, 8)}-${done}`],
    )
  }
  // One received recommendation per application (a rating and a written answer), so that the
  // recommendation columns are full, as in a real campaign.
  await pool.query(`update admission_campaigns set required_recommendations = 1 where id = $1`, [
    campaign!.id,
  ])
  await pool.query(
    `insert into recommendation_questions (campaign_id, kind, label, position) values ($1, 'scale', 'Rigueur et méthode', 0), ($1, 'text', 'Appréciation sur le candidat', 1)`,
    [campaign!.id],
  )
  await pool.query(
    `insert into recommendation_requests (establishment_id, application_id, slot, recommender_name, recommender_position, recommender_email, status, expires_at)
     select establishment_id, id, 0, 'Jean Dupont', 'Professeur d’économie', 'jean.dupont@ac-toulouse.fr', 'received', now() + interval '40 days' from applications where campaign_id = $1`,
    [campaign!.id],
  )
  await pool.query(
    `insert into recommendations (request_id, establishment_id, submitted_answers, opinion, phone, phone_confirmed, certified, submitted_at, content_hash, verification_code)
     select r.id, r.establishment_id, $2::jsonb, 'favorable', '+33611223344', true, true, now(), md5(r.id::text), upper(substr(md5(r.id::text || 'code'), 1, 12))
       from recommendation_requests r join applications a on a.id = r.application_id where a.campaign_id = $1`,
    [
      campaign!.id,
      JSON.stringify([
        { questionId: 'q1', kind: 'scale', label: 'Rigueur et méthode', value: 'tres_bien' },
        {
          questionId: 'q2',
          kind: 'text',
          label: 'Appréciation sur le candidat',
          value:
            'Étudiante sérieuse et régulière, moteur dans les travaux de groupe. Je recommande sa candidature sans réserve.',
        },
      ]),
    ],
  )
  // A bulk insert leaves the planner without statistics until autovacuum comes by; give them
  // now, as a database that grew over a season would have them.
  await pool.query('analyze')
  const {
    rows: [coordinator],
  } = await pool.query<{ id: string }>(
    `select id from users where email = 'coordination@ozenne.example'`,
  )
  const token = randomBytes(32).toString('hex')
  await pool.query(
    `insert into sessions (session_token, user_id, expires) values ($1, $2, now() + interval '1 day')`,
    [token, coordinator!.id],
  )
  return { campaignId: campaign!.id, sessionToken: token }
}

async function rawRead(pool: pg.Pool, campaignId: string) {
  const started = performance.now()
  let after = '00000000-0000-0000-0000-000000000000'
  let count = 0
  for (;;) {
    const { rows: batch } = await pool.query<{ id: string }>(
      'select * from applications where campaign_id = $1 and id > $2 order by id limit 500',
      [campaignId, after],
    )
    count += batch.length
    if (batch.length < 500) break
    after = batch.at(-1)!.id
  }
  return { ms: performance.now() - started, count }
}

async function download(url: string, cookie: string, groupId: number, baselineMb: number) {
  let peak = baselineMb
  const sampler = setInterval(() => (peak = Math.max(peak, groupRssMb(groupId))), 50)
  const started = performance.now()
  const response = await fetch(url, { headers: { cookie } })
  if (response.status !== 200)
    throw new Error(`export answered ${response.status}: ${await response.text()}`)
  let bytes = 0
  let lines = 0
  let head = new Uint8Array()
  const reader = response.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (head.byteLength < 4) head = value.subarray(0, 4)
    for (const b of value) if (b === 10) lines++
  }
  const ms = performance.now() - started
  clearInterval(sampler)
  peak = Math.max(peak, groupRssMb(groupId))
  return {
    ms,
    bytes,
    lines,
    head: Buffer.from(head).toString('latin1'),
    peakMb: peak,
    growthMb: peak - baselineMb,
  }
}

async function runOn(database: DatabaseKind, port: number) {
  const dataDir = path.join(os.tmpdir(), `tremplin-bench-export-${database}-${process.pid}`)
  const pgDatabase =
    database === 'postgres'
      ? await createPostgresDatabase(
          values['postgres-url']!,
          `tremplin_bench_export_${Date.now()}_${process.pid}`,
        )
      : undefined
  const server = await startAppServer({ database, port, dataDir, databaseUrl: pgDatabase?.url })
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 })
  try {
    const seedStarted = performance.now()
    const { campaignId, sessionToken } = await seedApplications(pool, rows)
    console.log(
      `  ${database}: ${rows} applications inserted in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    )
    const cookie = `authjs.session-token=${sessionToken}`
    const groupId = serverGroupId(port)
    const url = (format: string) =>
      `${server.baseUrl}/api/exports/candidatures?statut=tous&campagne=${campaignId}&format=${format}`
    // Warm the route (compilation, first connections) on a tiny export.
    await fetch(`${server.baseUrl}/api/exports/candidatures?statut=tous&q=zzzz&format=csv`, {
      headers: { cookie },
    }).then((r) => r.text())
    const raw = await rawRead(pool, campaignId)
    const before = groupRssMb(groupId)
    const csv = await download(url('csv'), cookie, groupId, before)
    console.log(`  ${database}: CSV in ${(csv.ms / 1000).toFixed(1)} s`)
    const beforeXlsx = groupRssMb(groupId)
    const xlsx = await download(url('xlsx'), cookie, groupId, beforeXlsx)
    const failures: string[] = []
    if (raw.count !== rows) failures.push(`raw read found ${raw.count} rows`)
    if (csv.lines !== rows + 1) failures.push(`CSV has ${csv.lines} lines, expected ${rows + 1}`)
    if (!xlsx.head.startsWith('PK')) failures.push('XLSX is not a zip')
    for (const [name, r] of [
      ['CSV', csv],
      ['XLSX', xlsx],
    ] as const)
      if (r.growthMb > budgetMb)
        failures.push(
          `${name} export grew the server by ${r.growthMb.toFixed(0)} MB (budget ${budgetMb} MB)`,
        )
    return { database, rows, rawReadMs: raw.ms, csv, xlsx, serverRssBeforeMb: before, failures }
  } finally {
    await pool.end()
    await server.stop()
    await pgDatabase?.drop()
    removeDir(dataDir)
  }
}

await ensureBuild()
const results = []
let port = Number(values.port)
for (const database of databases) {
  console.log(`Export of ${rows} applications on ${database}…`)
  results.push(await runOn(database, port++))
}
const mb = (n: number) => `${n.toFixed(0)} MB`
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
console.log(
  '\n| Database | Format | Rows | Time | Rows/s | Size | Server RSS before → peak (growth) | × raw read |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const r of results) {
  for (const [format, x] of [
    ['CSV', r.csv],
    ['XLSX', r.xlsx],
  ] as const) {
    console.log(
      `| ${r.database} | ${format} | ${r.rows} | ${s(x.ms)} | ${Math.round(r.rows / (x.ms / 1000))} | ${mb(x.bytes / 1048576)} | ${mb(x.peakMb - x.growthMb)} → ${mb(x.peakMb)} (+${mb(x.growthMb)}) | ${(x.ms / r.rawReadMs).toFixed(1)} |`,
    )
  }
  console.log(
    `| ${r.database} | raw read | ${r.rows} | ${s(r.rawReadMs)} | ${Math.round(r.rows / (r.rawReadMs / 1000))} | | | 1 |`,
  )
}
writeBenchResult('applications-export', { results })
const failures = results.flatMap((r) => r.failures.map((f) => `${r.database}: ${f}`))
if (failures.length) {
  console.error(`\nFAILED:\n- ${failures.join('\n- ')}`)
  process.exit(1)
}

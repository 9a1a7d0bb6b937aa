// The floor the app is compared with: the rows a submission writes, inserted with plain `pg`
// and nothing else (no HTTP, no validation, no link lookup, no email rendering).
import pg from 'pg'
import { generateVerificationCode } from '../../lib/recommendations/verification-code'
import { runPool, timing, type Timing } from './measure'
import type { PendingRecommendation } from './fixtures'

type StoredRecommendation = {
  answers: unknown
  submitted_answers: unknown
  opinion: string
  phone: string
  phone_confirmed: boolean
  certified: boolean
  content_hash: string
  ip: string | null
  user_agent: string | null
}
type StoredEmail = {
  template: string
  subject: string
  html: string
  text: string
  payload: unknown
}

/**
 * For each target request, in one transaction: the recommendation row, the request marked
 * received and the two outbox emails — copies of what the app stored for a source request,
 * so both sides write the same bytes. Same concurrency as the app run.
 */
export async function rawInsertBaseline(
  databaseUrl: string,
  sources: PendingRecommendation[],
  targets: PendingRecommendation[],
  concurrency: number,
): Promise<Timing> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: concurrency,
    query_timeout: 60_000,
  })
  try {
    const { rows: recommendations } = await pool.query<
      StoredRecommendation & { request_id: string }
    >('select * from recommendations where request_id = any($1::uuid[])', [
      sources.map((s) => s.requestId),
    ])
    const { rows: emails } = await pool.query<StoredEmail & { to_address: string }>(
      `select template, to_address, subject, html, text, payload from email_outbox
       where template in ('recommendation-confirmation', 'recommendation-received') and to_address = any($1::text[])`,
      [sources.flatMap((s) => [s.recommenderEmail, s.candidateEmail])],
    )
    // Sources whose submission was stored completely (all of them when the app run passed).
    const stored = sources.flatMap((source) => {
      const recommendation = recommendations.find((r) => r.request_id === source.requestId)
      const confirmation = emails.find(
        (e) =>
          e.template === 'recommendation-confirmation' && e.to_address === source.recommenderEmail,
      )
      const receipt = emails.find(
        (e) => e.template === 'recommendation-received' && e.to_address === source.candidateEmail,
      )
      return recommendation && confirmation && receipt
        ? [{ recommendation, confirmation, receipt }]
        : []
    })
    if (stored.length === 0)
      throw new Error('baseline: the app stored no complete submission to copy')
    const rows = targets.map((target, i) => ({ target, ...stored[i % stored.length]! }))

    // Open every connection first, as the app's pool is after its warm-up.
    await Promise.all(Array.from({ length: concurrency }, () => pool.query('select 1')))

    const latencies: number[] = []
    const started = performance.now()
    await runPool(rows.length, concurrency, async (i) => {
      const { target, recommendation: r, confirmation, receipt } = rows[i]!
      const t0 = performance.now()
      const client = await pool.connect()
      try {
        const now = new Date()
        await client.query('begin')
        await client.query(
          `insert into recommendations (request_id, establishment_id, answers, submitted_answers, opinion, phone, phone_confirmed, certified,
             submitted_at, content_hash, verification_code, ip, user_agent, link_id, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $9)`,
          [
            target.requestId,
            target.establishmentId,
            JSON.stringify(r.answers),
            JSON.stringify(r.submitted_answers),
            r.opinion,
            r.phone,
            r.phone_confirmed,
            r.certified,
            now,
            r.content_hash,
            generateVerificationCode(),
            r.ip,
            r.user_agent,
            target.linkId,
          ],
        )
        await client.query(
          `update recommendation_requests set status = 'received', responded_at = $2, updated_at = $2 where id = $1`,
          [target.requestId, now],
        )
        for (const [email, to] of [
          [confirmation, target.recommenderEmail],
          [receipt, target.candidateEmail],
        ] as const) {
          await client.query(
            `insert into email_outbox (establishment_id, template, to_address, subject, html, text, payload, next_attempt_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              target.establishmentId,
              email.template,
              to,
              email.subject,
              email.html,
              email.text,
              JSON.stringify(email.payload),
              now,
            ],
          )
        }
        await client.query('commit')
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
      latencies.push(performance.now() - t0)
    })
    const result = timing(latencies, performance.now() - started)

    const { rows: check } = await pool.query<{ submitted: number; emails: number }>(
      `select (select count(*)::int from recommendations where request_id = any($1::uuid[]) and submitted_at is not null) as submitted,
              (select count(*)::int from email_outbox where template in ('recommendation-confirmation', 'recommendation-received') and to_address = any($2::text[])) as emails`,
      [
        targets.map((t) => t.requestId),
        targets.flatMap((t) => [t.recommenderEmail, t.candidateEmail]),
      ],
    )
    if (check[0]!.submitted !== targets.length || check[0]!.emails !== 2 * targets.length) {
      throw new Error(
        `baseline stored ${check[0]!.submitted} recommendations and ${check[0]!.emails} emails for ${targets.length} requests`,
      )
    }
    return result
  } finally {
    await pool.end()
  }
}

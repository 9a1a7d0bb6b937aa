// What must hold after the recommenders submitted, read straight from the tables with SQL
// (not through the app's code): every submission stored once, with exactly its two emails.
import type pg from 'pg'
import type { PendingRecommendation } from './fixtures'

type RequestState = {
  request_id: string
  status: string
  submitted: number
  drafts: number
  verification_code: string | null
  confirmations: number
  confirmation_codes: string | null
  receipts: number
  audits: number
}

/**
 * Returns one message per broken rule (empty when all is well). `acceptedCodes` holds the
 * verification code each request's accepted HTTP response gave back.
 */
export async function checkSubmissions(
  pool: pg.Pool,
  requests: PendingRecommendation[],
  since: Date,
  acceptedCodes: Map<string, string>,
): Promise<string[]> {
  const { rows } = await pool.query<RequestState>(
    `select r.id as request_id, r.status,
       (select count(*)::int from recommendations x where x.request_id = r.id and x.submitted_at is not null) as submitted,
       (select count(*)::int from recommendations x where x.request_id = r.id and x.submitted_at is null) as drafts,
       (select min(x.verification_code) from recommendations x where x.request_id = r.id) as verification_code,
       (select count(*)::int from email_outbox e where e.template = 'recommendation-confirmation' and e.to_address = r.recommender_email and e.created_at >= $2) as confirmations,
       (select string_agg(e.payload->>'verificationCode', ',') from email_outbox e where e.template = 'recommendation-confirmation' and e.to_address = r.recommender_email) as confirmation_codes,
       (select count(*)::int from email_outbox e where e.template = 'recommendation-received' and e.to_address = a.email and e.created_at >= $2) as receipts,
       (select count(*)::int from audit_log l where l.subject_type = 'recommendation_request' and l.subject_id = r.id::text and l.action = 'recommendation.submitted') as audits
     from recommendation_requests r join applications a on a.id = r.application_id
     where r.id = any($1::uuid[])`,
    [requests.map((r) => r.requestId), since],
  )
  const problems: string[] = []
  const byId = new Map(rows.map((row) => [row.request_id, row]))
  for (const { requestId } of requests) {
    const row = byId.get(requestId)
    const accepted = acceptedCodes.get(requestId)
    if (!row) {
      problems.push(`request ${requestId}: missing`)
      continue
    }
    if (row.submitted === 0)
      problems.push(`request ${requestId}: submission lost (no submitted recommendation)`)
    if (row.submitted > 1 || row.drafts > 0)
      problems.push(
        `request ${requestId}: ${row.submitted} submitted and ${row.drafts} draft recommendations`,
      )
    if (row.status !== 'received')
      problems.push(`request ${requestId}: status ${row.status}, expected received`)
    if (!accepted) problems.push(`request ${requestId}: no HTTP response accepted the submission`)
    else if (row.verification_code !== accepted)
      problems.push(
        `request ${requestId}: stored code ${row.verification_code}, the response gave ${accepted}`,
      )
    if (row.confirmations !== 1)
      problems.push(
        `request ${requestId}: ${row.confirmations} 'recommendation-confirmation' emails to the recommender, expected 1`,
      )
    else if (row.confirmation_codes !== row.verification_code)
      problems.push(
        `request ${requestId}: the confirmation email carries ${row.confirmation_codes}, stored ${row.verification_code}`,
      )
    if (row.receipts !== 1)
      problems.push(
        `request ${requestId}: ${row.receipts} 'recommendation-received' emails to the candidate, expected 1`,
      )
    if (row.audits !== 1)
      problems.push(
        `request ${requestId}: ${row.audits} 'recommendation.submitted' audit entries, expected 1`,
      )
  }

  // Nothing else may have been queued meanwhile (an email to a wrong address would hide here).
  const { rows: totals } = await pool.query<{ n: number }>(
    `select count(*)::int as n from email_outbox where template in ('recommendation-confirmation', 'recommendation-received') and created_at >= $1`,
    [since],
  )
  if (totals[0]!.n !== 2 * requests.length)
    problems.push(
      `${totals[0]!.n} confirmation/received emails queued since the start, expected ${2 * requests.length}`,
    )
  return problems
}

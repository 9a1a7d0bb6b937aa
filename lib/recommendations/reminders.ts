import { recommendationStates } from './application-window'
import { and, eq, gt, inArray, lte, sql, TransactionRollbackError } from 'drizzle-orm'
import type { Database } from '@/db'
import { applications, emailOutbox, recommendationRequests } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { loadInvitationContext } from './invitation-context'
import { issueLinkEmail } from './links'
import { unansweredStatuses } from './request-lifecycle'

const DAY_MS = 24 * 3600 * 1000

/** Reminder steps, in days before the deadline (J-7, J-3, J-1). */
export const REMINDER_STEPS = [7, 3, 1] as const
export type ReminderStep = (typeof REMINDER_STEPS)[number]

export const reminderDedupeKey = (requestId: string, step: number) =>
  `reminder:${requestId}:j-${step}`

const daysAfter = (now: Date, days: number) =>
  sql`${new Date(now.getTime() + days * DAY_MS).toISOString()}::timestamptz`

/**
 * The latest step whose time has come (now >= deadline - N days): after downtime, J-3 is
 * sent rather than J-7 and J-3 in a burst, and J-7 never comes afterwards.
 */
const latestDueStep = (now: Date) =>
  sql<number>`(case when ${recommendationRequests.expiresAt} <= ${daysAfter(now, 1)} then 1
                    when ${recommendationRequests.expiresAt} <= ${daysAfter(now, 3)} then 3
                    else 7 end)`.mapWith(Number)

/** Requests owing a reminder at `now`: one query, the step computed by the database. */
async function dueReminders(db: Database, now: Date, limit: number) {
  const step = latestDueStep(now)
  return db
    .select({ id: recommendationRequests.id, step })
    .from(recommendationRequests)
    .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
    .where(
      and(
        // Only a recommender who has not answered is reminded.
        inArray(recommendationRequests.status, unansweredStatuses),
        inArray(applications.status, recommendationStates),
        gt(recommendationRequests.expiresAt, now),
        lte(recommendationRequests.expiresAt, new Date(now.getTime() + REMINDER_STEPS[0] * DAY_MS)),
        // A step already past when the request was made is skipped (asked 2 days before the deadline: J-1 only).
        sql`${recommendationRequests.createdAt} <= ${recommendationRequests.expiresAt} - make_interval(hours => 24 * ${step})`,
        // Already sent: not selected again on every tick (the unique dedupe key is what guarantees it).
        sql`not exists (select 1 from ${emailOutbox} where ${emailOutbox.dedupeKey} = 'reminder:' || ${recommendationRequests.id}::text || ':j-' || ${step}::text)`,
      ),
    )
    .orderBy(recommendationRequests.expiresAt)
    .limit(limit)
}

/**
 * Reminds recommenders who have not answered, 7, 3 and 1 days before the deadline, each
 * step at most once per request. Each reminder carries a new link (earlier ones keep
 * working). Returns how many were queued.
 *
 * Exactly once, with several schedulers at the same moment: each request is handled in its
 * own transaction that first locks the request row (SKIP LOCKED: another instance holding
 * it is already on it) and re-checks, in a later statement so it sees what others
 * committed, that the request is still live and that no outbox row has this step's dedupe
 * key. The lock also orders the reminder with a concurrent answer, decline or bounce, which
 * lock the same row. The unique `email_outbox.dedupe_key` has the last word: should the
 * insert still hit it, the transaction is rolled back so no orphan link is kept.
 */
export async function sendDueReminders(
  db: Database,
  now: Date = new Date(),
  options: { limit?: number } = {},
): Promise<number> {
  const due = await dueReminders(db, now, options.limit ?? 200)
  let sent = 0
  const failures: unknown[] = []
  for (const { id, step } of due) {
    try {
      if (await sendReminder(db, id, step, now)) sent++
    } catch (error) {
      // One failing request must not hold back the others; the tick reports the failure.
      failures.push(error)
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} reminder(s) failed, ${sent} sent`)
  return sent
}

async function sendReminder(
  db: Database,
  requestId: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const dedupeKey = reminderDedupeKey(requestId, step)
  try {
    return await db.transaction(async (tx) => {
      const [live] = await tx
        .select({ request: recommendationRequests })
        .from(recommendationRequests)
        .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
        .where(
          and(
            eq(recommendationRequests.id, requestId),
            inArray(recommendationRequests.status, unansweredStatuses),
            inArray(applications.status, recommendationStates),
            gt(recommendationRequests.expiresAt, now),
          ),
        )
        .for('update', { of: recommendationRequests, skipLocked: true })
      if (!live) return false
      const [already] = await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, dedupeKey))
      if (already) return false

      const { request } = live
      const context = await loadInvitationContext(tx, request.applicationId)
      // The request's own deadline is the one the days are counted to.
      const { emailId, linkId } = await issueLinkEmail(
        tx,
        request,
        'reminder',
        { ...context, deadline: request.expiresAt },
        { dedupeKey, daysLeft: step },
      )
      if (!emailId) tx.rollback()
      await recordAudit(tx, {
        establishmentId: request.establishmentId,
        actorLabel: 'système (relance automatique)',
        action: 'recommendation.reminded',
        subjectType: 'recommendation_request',
        subjectId: request.id,
        after: { step: `J-${step}`, emailId, linkId },
      })
      return true
    })
  } catch (error) {
    if (error instanceof TransactionRollbackError) return false
    throw error
  }
}

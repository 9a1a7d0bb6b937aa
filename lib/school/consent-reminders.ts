import { and, asc, eq, gt, isNull, lt, lte, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { consentRequests, students } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { generateLinkToken } from '@/lib/auth/link-tokens'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { consentInForce, consentUrl, studentLetterhead } from './consents'

// Legal representatives who have not answered are reminded a week after the link was sent,
// then weekly, three times at most (the link lasts 30 days). A "Relancer" by the main teacher
// postpones the next one by a week.

export const CONSENT_REMINDER_EVERY_DAYS = 7
export const CONSENT_MAX_REMINDERS = 3
const DAY_MS = 24 * 3600_000

/**
 * Sends the reminders due at `now`. Exactly once per step, safe with two instances running it
 * at once: each request is locked with SKIP LOCKED and re-checked, the step is counted on the
 * row in the transaction that queues the email, and the outbox's dedupe key
 * (consent-reminder:<request>:<step>) refuses a second email for a step. After downtime, one
 * reminder goes out, not the ones missed.
 */
export async function sendDueConsentReminders(
  db: Database,
  now: Date = new Date(),
  options: { batch?: number } = {},
): Promise<number> {
  const dueBefore = new Date(now.getTime() - CONSENT_REMINDER_EVERY_DAYS * DAY_MS)
  const due = and(
    isNull(consentRequests.completedAt),
    isNull(consentRequests.revokedAt),
    gt(consentRequests.expiresAt, now),
    lt(consentRequests.remindersSent, CONSENT_MAX_REMINDERS),
    lte(sql`coalesce(${consentRequests.lastRemindedAt}, ${consentRequests.createdAt})`, dueBefore),
  )
  const candidates = await db
    .select({ id: consentRequests.id })
    .from(consentRequests)
    .where(due)
    .orderBy(asc(consentRequests.createdAt))
    .limit(options.batch ?? 500)
  let sent = 0
  for (const { id } of candidates) {
    const queued = await db.transaction(async (tx) => {
      const [request] = await tx
        .select()
        .from(consentRequests)
        .where(and(eq(consentRequests.id, id), due))
        .for('update', { skipLocked: true })
      if (!request) return false
      // A consent recorded meanwhile (it revokes links, but be sure): nothing to remind.
      if (await consentInForce(tx, request.studentId)) return false
      const [student] = await tx.select().from(students).where(eq(students.id, request.studentId))
      if (!student) return false
      const step = request.remindersSent + 1
      const { token, hash } = generateLinkToken()
      const emailId = await enqueueEmail(tx, {
        template: 'consent-request',
        to: request.guardianEmail,
        establishmentId: student.establishmentId,
        dedupeKey: `consent-reminder:${request.id}:${step}`,
        props: {
          ...(await studentLetterhead(tx, student)),
          sentBy: null,
          url: consentUrl(token),
          expiresOn: formatDate(request.expiresAt),
          reminder: true,
        },
      })
      // The step is counted either way; the link changes only when its email goes out.
      await tx
        .update(consentRequests)
        .set({
          remindersSent: step,
          lastRemindedAt: now,
          ...(emailId ? { tokenHash: hash } : {}),
        })
        .where(eq(consentRequests.id, request.id))
      if (!emailId) return false
      await recordAudit(tx, {
        establishmentId: student.establishmentId,
        actorUserId: null,
        action: 'consent.reminded',
        subjectType: 'student',
        subjectId: student.id,
        after: { guardianEmail: request.guardianEmail, step },
      })
      return true
    })
    if (queued) sent++
  }
  return sent
}

import type { Database } from '@/db'
import { dispatchDueEmails, type DispatchResult } from '@/lib/mail/dispatch'
import { configuredTransport, type MailTransport } from '@/lib/mail/transports'
import { runDecisionDeadlines } from '@/lib/admissions/answer-deadlines'
import { sendFileReminders, sendReviewerReminders } from '@/lib/admissions/reminders'
import { sendDueReminders } from '@/lib/recommendations/reminders'
import { invitationBuckets } from '@/lib/recommendations/invitation-limits'
import { pruneEvents } from '@/lib/rate-limit/events'

export type TickResult = {
  mail: DispatchResult
  reminders: number
  fileReminders: number
  reviewerReminders: number
  decisions: { reminded: number; withdrawn: number }
}

/** One pass of background work: called by the in-process scheduler and by POST /api/cron/tick. */
export async function runTick(
  db: Database,
  transport: MailTransport = configuredTransport(),
): Promise<TickResult> {
  const mail = await dispatchDueEmails(db, transport)
  // Reminders queued here leave with the next pass's dispatch.
  const reminders = await sendDueReminders(db)
  const fileReminders = await sendFileReminders(db)
  const reviewerReminders = await sendReviewerReminders(db)
  const decisions = await runDecisionDeadlines(db)
  // Counted events older than two days serve no limit any more (the longest window is 24 h).
  await pruneEvents(db, {
    before: new Date(Date.now() - 2 * 24 * 3600_000),
    keep: [invitationBuckets.replacement],
  })
  return { mail, reminders, fileReminders, reviewerReminders, decisions }
}

import type { Database } from '@/db'
import { dispatchDueEmails, type DispatchResult } from '@/lib/mail/dispatch'
import { configuredTransport, type MailTransport } from '@/lib/mail/transports'
import { runDecisionDeadlines } from '@/lib/admissions/decisions'
import { sendFileReminders, sendReviewerReminders } from '@/lib/admissions/reminders'
import { sendDueReminders } from '@/lib/recommendations/reminders'

export type TickResult = { mail: DispatchResult; reminders: number; fileReminders: number; reviewerReminders: number; decisions: { reminded: number; withdrawn: number } }

/** One pass of background work: called by the in-process scheduler and by POST /api/cron/tick. */
export async function runTick(db: Database, transport: MailTransport = configuredTransport()): Promise<TickResult> {
  const mail = await dispatchDueEmails(db, transport)
  // Reminders queued here leave with the next pass's dispatch.
  const reminders = await sendDueReminders(db)
  const fileReminders = await sendFileReminders(db)
  const reviewerReminders = await sendReviewerReminders(db)
  const decisions = await runDecisionDeadlines(db)
  return { mail, reminders, fileReminders, reviewerReminders, decisions }
}

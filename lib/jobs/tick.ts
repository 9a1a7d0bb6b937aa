import type { Database } from '@/db'
import { dispatchDueEmails, type DispatchResult } from '@/lib/mail/dispatch'
import { configuredTransport, type MailTransport } from '@/lib/mail/transports'
import { sendDueReminders } from '@/lib/recommendations/reminders'

export type TickResult = { mail: DispatchResult; reminders: number }

/** One pass of background work: called by the in-process scheduler and by POST /api/cron/tick. */
export async function runTick(db: Database, transport: MailTransport = configuredTransport()): Promise<TickResult> {
  const mail = await dispatchDueEmails(db, transport)
  // Reminders queued here leave with the next pass's dispatch.
  const reminders = await sendDueReminders(db)
  return { mail, reminders }
}

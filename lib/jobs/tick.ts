import type { Database } from '@/db'
import { dispatchDueEmails, type DispatchResult } from '@/lib/mail/dispatch'
import { configuredTransport, type MailTransport } from '@/lib/mail/transports'

export type TickResult = { mail: DispatchResult }

/** One pass of background work: called by the in-process scheduler and by POST /api/cron/tick. */
export async function runTick(db: Database, transport: MailTransport = configuredTransport()): Promise<TickResult> {
  const mail = await dispatchDueEmails(db, transport)
  return { mail }
}

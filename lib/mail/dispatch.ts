import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { emailOutbox, type EmailAttachmentRef, type OutboxEmail } from '@/db/schema'
import { resolveAttachments } from './attachments'
import { MAX_ATTEMPTS, retryDelayMs } from './backoff'
import { MailTransportError, type MailTransport } from './transports'

export type DispatchResult = { claimed: number; sent: number; retried: number; dead: number }

// A claimed row is re-claimable after this long, in case its process died mid-send.
const CLAIM_TTL_SECONDS = 120

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED (safe with several instances), sends each,
 * and records the result: sent, retried later with backoff, or dead after MAX_ATTEMPTS.
 */
export async function dispatchDueEmails(
  db: Executor,
  transport: MailTransport,
  options: { batchSize?: number; random?: () => number; /** only these rows (an admin's "send now", tests) */ ids?: string[] } = {},
): Promise<DispatchResult> {
  const batchSize = options.batchSize ?? 20
  const scope = options.ids ? sql`and ${inArray(emailOutbox.id, options.ids)}` : sql``
  const claimed = await db.execute<Record<string, unknown>>(sql`
    update ${emailOutbox}
       set status = 'sending',
           attempts = ${emailOutbox.attempts} + 1,
           locked_until = now() + make_interval(secs => ${CLAIM_TTL_SECONDS}),
           updated_at = now()
     where ${emailOutbox.id} in (
       select id from ${emailOutbox}
        where ((status = 'pending' and next_attempt_at <= now())
           or (status = 'sending' and locked_until < now())) ${scope}
        order by next_attempt_at
        limit ${batchSize}
        for update skip locked)
    returning id, to_address, subject, html, text, attempts, attachments`)

  const result: DispatchResult = { claimed: claimed.rows.length, sent: 0, retried: 0, dead: 0 }
  for (const row of claimed.rows) {
    const email = { id: String(row.id), to: String(row.to_address), subject: String(row.subject), html: String(row.html), text: String(row.text) }
    const attempts = Number(row.attempts)
    try {
      const refs = (typeof row.attachments === 'string' ? JSON.parse(row.attachments) : (row.attachments ?? [])) as EmailAttachmentRef[]
      const attachments = refs.length ? await resolveAttachments(db, refs) : undefined
      const { providerMessageId } = await transport.send({ ...email, attachments })
      await markSent(db, email.id, providerMessageId)
      result.sent++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const transportError = error instanceof MailTransportError ? error : undefined
      if (transportError?.options.permanent || attempts >= MAX_ATTEMPTS) {
        await markDead(db, email.id, message)
        result.dead++
      } else {
        const delay = retryDelayMs(attempts, transportError?.options.retryAfterMs, options.random)
        await scheduleRetry(db, email.id, message, new Date(Date.now() + delay))
        result.retried++
      }
    }
  }
  return result
}

const inFlight = (id: string) => and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending'))

async function markSent(db: Executor, id: string, providerMessageId: string | null) {
  await db.update(emailOutbox).set({ status: 'sent', sentAt: new Date(), providerMessageId, lockedUntil: null, lastError: null }).where(inFlight(id))
}

async function markDead(db: Executor, id: string, lastError: string) {
  await db.update(emailOutbox).set({ status: 'dead', lockedUntil: null, lastError }).where(inFlight(id))
}

async function scheduleRetry(db: Executor, id: string, lastError: string, nextAttemptAt: Date) {
  await db.update(emailOutbox).set({ status: 'pending', lockedUntil: null, lastError, nextAttemptAt }).where(inFlight(id))
}

export type { OutboxEmail }

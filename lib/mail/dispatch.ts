import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { emailOutbox, type EmailAttachmentRef, type OutboxEmail } from '@/db/schema'
import { resolveAttachments } from './attachments'
import { afterTransientFailure } from './backoff'
import { MailTransportError, type MailTransport } from './transports'

export type DispatchResult = {
  claimed: number
  sent: number
  retried: number
  dead: number
  failed: number
}

// A claimed row is re-claimable after this long, in case its process died mid-send.
const CLAIM_TTL_SECONDS = 120

export type DispatchOptions = {
  batchSize?: number
  random?: () => number
  /** only these rows (an admin's "send now", tests) */
  ids?: string[]
  /** The clock: what is due, when to retry, when to give up (tests move it forward). */
  now?: Date
}

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED (safe with several instances), sends each,
 * and records the result: sent; dead at once on a permanent refusal; on a transient failure,
 * retried later with backoff, or 'failed' once it has failed for the whole retry window.
 */
export async function dispatchDueEmails(
  db: Executor,
  transport: MailTransport,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  const batchSize = options.batchSize ?? 20
  const now = options.now ?? new Date()
  const at = sql`${now.toISOString()}::timestamptz`
  const scope = options.ids ? sql`and ${inArray(emailOutbox.id, options.ids)}` : sql``
  const claimed = await db.execute<Record<string, unknown>>(sql`
    update ${emailOutbox}
       set status = 'sending',
           attempts = ${emailOutbox.attempts} + 1,
           locked_until = ${at} + make_interval(secs => ${CLAIM_TTL_SECONDS}),
           updated_at = ${at}
     where ${emailOutbox.id} in (
       select id from ${emailOutbox}
        where ((status = 'pending' and next_attempt_at <= ${at})
           or (status = 'sending' and locked_until < ${at})) ${scope}
        order by next_attempt_at
        limit ${batchSize}
        for update skip locked)
    returning id, to_address, subject, html, text, attempts, attachments, coalesce(retry_window_starts_at, created_at) as window_start`)

  const result: DispatchResult = {
    claimed: claimed.rows.length,
    sent: 0,
    retried: 0,
    dead: 0,
    failed: 0,
  }
  for (const row of claimed.rows) {
    const email = {
      id: String(row.id),
      to: String(row.to_address),
      subject: String(row.subject),
      html: String(row.html),
      text: String(row.text),
    }
    const attempts = Number(row.attempts)
    // The window runs from creation, or from an admin's re-queue.
    const createdAt =
      row.window_start instanceof Date ? row.window_start : new Date(String(row.window_start))
    try {
      const refs = (
        typeof row.attachments === 'string' ? JSON.parse(row.attachments) : (row.attachments ?? [])
      ) as EmailAttachmentRef[]
      const attachments = refs.length ? await resolveAttachments(db, refs) : undefined
      const { providerMessageId } = await transport.send({ ...email, attachments })
      await finish(db, email.id, {
        status: 'sent',
        sentAt: now,
        providerMessageId,
        lastError: null,
        updatedAt: now,
      })
      result.sent++
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error)
      // Anything but an explicit permanent refusal (a thrown network error included) is transient.
      const transportError = error instanceof MailTransportError ? error : undefined
      if (transportError?.options.permanent) {
        await finish(db, email.id, { status: 'dead', lastError, updatedAt: now })
        result.dead++
        continue
      }
      const next = afterTransientFailure({ createdAt, attempts }, now, {
        retryAfterMs: transportError?.options.retryAfterMs,
        random: options.random,
      })
      if (next.kind === 'give-up') {
        await finish(db, email.id, { status: 'failed', lastError, updatedAt: now })
        result.failed++
      } else {
        await finish(db, email.id, {
          status: 'pending',
          lastError,
          nextAttemptAt: next.at,
          updatedAt: now,
        })
        result.retried++
      }
    }
  }
  return result
}

/** Records the outcome of a send, only if this process still holds the row. */
async function finish(db: Executor, id: string, values: Partial<OutboxEmail>) {
  await db
    .update(emailOutbox)
    .set({ ...values, lockedUntil: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')))
}

export type { OutboxEmail }

import { emailOutbox, type EmailAttachmentRef } from '@/db/schema'
import type { Executor } from '@/db'
import type { TemplateName, TemplateProps } from '@/emails'
import { renderEmail } from './render'

export type EnqueueEmail<N extends TemplateName> = {
  template: N
  to: string
  props: TemplateProps<N>
  establishmentId?: string | null
  /** Business key making the email exactly-once; a second enqueue with it is ignored. */
  dedupeKey?: string
  /** Earliest time to send (defaults to now). */
  sendAfter?: Date
  /** Files produced and joined at send time (a decision letter…). */
  attachments?: EmailAttachmentRef[]
}

/** An email rendered ahead of the transaction that queues it: rendering is the slow part. */
export type PreparedEmail = { row: typeof emailOutbox.$inferInsert }

/** Renders an email for `enqueuePrepared`, outside any transaction. */
export async function prepareEmail<N extends TemplateName>(
  email: EnqueueEmail<N>,
): Promise<PreparedEmail> {
  const rendered = await renderEmail(email.template, email.props)
  return {
    row: {
      template: email.template,
      toAddress: email.to.trim().toLowerCase(),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      payload: email.props as Record<string, unknown>,
      establishmentId: email.establishmentId ?? null,
      dedupeKey: email.dedupeKey ?? null,
      nextAttemptAt: email.sendAfter ?? new Date(),
      attachments: email.attachments ?? [],
    },
  }
}

/**
 * Writes emails into the outbox using the caller's transaction, so they exist if and only
 * if the state change that caused them commits; one statement for all of them. An email
 * whose dedupe key was already used is left out. Returns the ids of the rows written.
 */
export async function enqueuePrepared(tx: Executor, emails: PreparedEmail[]): Promise<string[]> {
  if (emails.length === 0) return []
  const rows = await tx
    .insert(emailOutbox)
    .values(emails.map((e) => e.row))
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id })
  return rows.map((r) => r.id)
}

/**
 * Writes an email into the outbox using the caller's transaction, so the email exists
 * if and only if the state change that caused it commits. Returns the row id, or null
 * when the dedupe key was already used.
 */
export async function enqueueEmail<N extends TemplateName>(
  tx: Executor,
  email: EnqueueEmail<N>,
): Promise<string | null> {
  const [id] = await enqueuePrepared(tx, [await prepareEmail(email)])
  return id ?? null
}

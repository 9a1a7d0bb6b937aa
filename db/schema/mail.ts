import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns'
import { establishments } from './establishments'

/**
 * A file to join to an email, produced at send time from the database by the resolver its
 * domain registered for `kind` (lib/mail/attachments.ts); the other fields say which record.
 */
export type EmailAttachmentRef = { kind: string; fileName: string; [field: string]: string }

// dead: refused for good by the provider (invalid address, validation error): final.
// failed: transient failures for longer than the retry window: an admin may re-queue it.
export const outboxStatuses = ['pending', 'sending', 'sent', 'dead', 'failed'] as const
export const outboxStatusEnum = pgEnum('email_outbox_status', outboxStatuses)

// Every email the app sends is first a row here, written in the same transaction as the
// state change that causes it; the dispatcher delivers it later, with retries.
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    establishmentId: uuid('establishment_id').references(() => establishments.id, {
      onDelete: 'set null',
    }),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    // Props the template was rendered with (versioned by template name), for audit and re-rendering.
    payload: jsonb('payload')
      .notNull()
      .default(sql`'{}'::jsonb`),
    // Files joined when sending, described rather than stored (produced by lib/mail/attachments.ts).
    attachments: jsonb('attachments')
      .$type<EmailAttachmentRef[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Optional business key making an email exactly-once (a reminder per request per step).
    dedupeKey: text('dedupe_key').unique(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    // Start of the retry window for transient failures: creation, or the admin's re-queue.
    retryWindowStartsAt: timestamp('retry_window_starts_at', { withTimezone: true, mode: 'date' }),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_to_idx').on(t.toAddress),
    // Bounce webhooks find the email by the provider's id.
    index('email_outbox_provider_message_idx').on(t.providerMessageId),
  ],
)
export type OutboxEmail = typeof emailOutbox.$inferSelect
export type NewOutboxEmail = typeof emailOutbox.$inferInsert

import { desc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { emailOutbox } from '@/db/schema'
import { isUuid } from '@/lib/validation/uuid'

/** Latest outbox messages, newest first (development mailbox and tests). */
export async function latestEmails(db: Executor, limit = 100) {
  return db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      template: emailOutbox.template,
      createdAt: emailOutbox.createdAt,
      attempts: emailOutbox.attempts,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit)
}

export async function emailById(db: Executor, id: string) {
  if (!isUuid(id)) return undefined
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id))
  return row
}

import { and, count, desc, eq, inArray, min, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { emailOutbox } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import type { Actor } from '@/lib/auth/actor'

// What an admin needs to know about the establishment's outgoing mail. Sign-in links carry
// no establishment (establishment_id is null) and appear in no establishment's health.

export type OutboxHealth = {
  /** waiting for their first try or a retry (and those being sent right now) */
  pending: number
  oldestPendingAt: Date | null
  /** transient failures for the whole retry window: an admin may re-queue them */
  failed: number
  /** refused for good by the provider (invalid address, validation): final */
  dead: number
}

export async function outboxHealth(db: Executor, establishmentId: string): Promise<OutboxHealth> {
  const rows = await db
    .select({ status: emailOutbox.status, count: count(), oldest: min(emailOutbox.createdAt) })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.establishmentId, establishmentId),
        inArray(emailOutbox.status, ['pending', 'sending', 'failed', 'dead']),
      ),
    )
    .groupBy(emailOutbox.status)
  const of = (status: string) => rows.find((r) => r.status === status)
  const oldest = [of('pending')?.oldest, of('sending')?.oldest]
    .filter((d): d is Date => d instanceof Date)
    .sort((a, b) => a.getTime() - b.getTime())[0]
  return {
    pending: (of('pending')?.count ?? 0) + (of('sending')?.count ?? 0),
    oldestPendingAt: oldest ?? null,
    failed: of('failed')?.count ?? 0,
    dead: of('dead')?.count ?? 0,
  }
}

export const FAILURES_PAGE_SIZE = 20

/** Failed and dead emails of the establishment, most recent failure first, one page at a time. */
export async function outboxFailures(db: Executor, establishmentId: string, page = 1) {
  const offset = (Math.max(1, Math.floor(page)) - 1) * FAILURES_PAGE_SIZE
  const rows = await db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      failedAt: emailOutbox.updatedAt,
    })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.establishmentId, establishmentId),
        inArray(emailOutbox.status, ['failed', 'dead']),
      ),
    )
    .orderBy(desc(emailOutbox.updatedAt), desc(emailOutbox.id))
    .limit(FAILURES_PAGE_SIZE + 1)
    .offset(offset)
  return { rows: rows.slice(0, FAILURES_PAGE_SIZE), hasMore: rows.length > FAILURES_PAGE_SIZE }
}

/**
 * Puts failed emails back in the queue for an immediate try with a fresh backoff: one
 * (`emailIds`) or all of the establishment's. Dead ones stay dead: the provider refused them
 * for good. Returns how many were re-queued; the audit entry says which.
 */
export async function requeueFailedEmails(
  db: Executor,
  params: Actor & { emailIds?: string[]; now?: Date },
): Promise<number> {
  const now = params.now ?? new Date()
  const requeued = await db
    .update(emailOutbox)
    .set({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      retryWindowStartsAt: now,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(emailOutbox.establishmentId, params.establishmentId),
        eq(emailOutbox.status, 'failed'),
        params.emailIds ? inArray(emailOutbox.id, params.emailIds) : sql`true`,
      ),
    )
    .returning({ id: emailOutbox.id })
  if (requeued.length === 0) return 0
  const ids = requeued.map((r) => r.id)
  await recordAudit(db, {
    establishmentId: params.establishmentId,
    actorUserId: params.actorUserId,
    action: 'email.requeued',
    subjectType: 'email',
    subjectId: ids.length === 1 ? ids[0]! : params.establishmentId,
    before: { status: 'failed' },
    after: { status: 'pending', count: ids.length, ids },
  })
  return ids.length
}

/** "3 j 4 h", "2 h 05 min", "12 min", "moins d’une minute": how long the oldest email has waited. */
export function formatWait(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'moins d’une minute'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return `${days} j ${hours} h`
  if (hours > 0) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
  return `${minutes} min`
}

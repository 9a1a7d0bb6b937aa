import { and, count, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { rateLimitEvents } from '@/db/schema'

// Counted events kept in Postgres (`rate_limit_events`), so every app instance sees the same
// counts and a restart resets nothing. A limit is checked and recorded inside the transaction
// of the action it limits: if the action rolls back, so does its event.

/**
 * Serialises, until the end of the caller's transaction, every request that counts in this
 * bucket and key: two concurrent requests cannot both read "one left" and both pass.
 * Lock several keys in one and the same order everywhere (callers sort them) to avoid deadlocks.
 */
export async function lockKey(db: Executor, bucket: string, key: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${bucket}), hashtext(${key}))`)
}

/** How many events of this bucket and key happened after `since`. */
export async function countSince(
  db: Executor,
  bucket: string,
  key: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(
      and(
        eq(rateLimitEvents.bucket, bucket),
        eq(rateLimitEvents.key, key),
        gt(rateLimitEvents.createdAt, since),
      ),
    )
  return row?.n ?? 0
}

/** Records `times` events at `now`. */
export async function record(
  db: Executor,
  bucket: string,
  key: string,
  now: Date = new Date(),
  times = 1,
) {
  if (times <= 0) return
  await db
    .insert(rateLimitEvents)
    .values(Array.from({ length: times }, () => ({ bucket, key, createdAt: now })))
}

/** Forgets every event of this bucket and key (staff lifting a limit); returns how many there were. */
export async function clear(db: Executor, bucket: string, key: string): Promise<number> {
  const deleted = await db
    .delete(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key)))
    .returning({ id: rateLimitEvents.id })
  return deleted.length
}

export type Limit = { bucket: string; key: string; max: number; since: Date; times?: number }

/**
 * Checks several limits at once and, when none would be exceeded by `times` more events,
 * records them all. Returns the first limit that refused, or null. Must run in a transaction.
 */
export async function consume(
  db: Executor,
  limits: Limit[],
  now: Date = new Date(),
): Promise<Limit | null> {
  const name = (l: Limit) => `${l.bucket}\u0000${l.key}`
  const ordered = [...limits].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))
  for (const limit of ordered) await lockKey(db, limit.bucket, limit.key)
  for (const limit of limits) {
    if (
      (await countSince(db, limit.bucket, limit.key, limit.since)) + (limit.times ?? 1) >
      limit.max
    )
      return limit
  }
  for (const limit of limits) await record(db, limit.bucket, limit.key, now, limit.times ?? 1)
  return null
}

/**
 * Deletes events older than `before`, a batch at a time, except in `keep` (limits counted
 * "ever", such as replacements per slot). Every other limit looks back 24 hours at most, so
 * the table stays small. Returns how many rows went.
 */
export async function pruneEvents(
  db: Executor,
  params: { before: Date; keep: readonly string[]; batchSize?: number },
): Promise<number> {
  const due = db
    .select({ id: rateLimitEvents.id })
    .from(rateLimitEvents)
    .where(
      and(
        lt(rateLimitEvents.createdAt, params.before),
        params.keep.length ? notInArray(rateLimitEvents.bucket, [...params.keep]) : undefined,
      ),
    )
    .limit(params.batchSize ?? 5000)
  const deleted = await db
    .delete(rateLimitEvents)
    .where(inArray(rateLimitEvents.id, due))
    .returning({ id: rateLimitEvents.id })
  return deleted.length
}

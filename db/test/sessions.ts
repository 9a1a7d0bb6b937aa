import { randomUUID } from 'node:crypto'
import type { Executor } from '../index'
import { sessions } from '../schema'

// Sessions as Auth.js writes them, at a chosen age, for the session and two-factor tests.

/** A session of `userId` opened at `createdAt`, last seen at `lastSeenAt` (default: then). */
export async function openSession(
  db: Executor,
  userId: string,
  times: { createdAt?: Date; lastSeenAt?: Date; secondFactorAt?: Date | null } = {},
) {
  const createdAt = times.createdAt ?? new Date()
  const sessionToken = randomUUID()
  await db.insert(sessions).values({
    sessionToken,
    userId,
    expires: new Date(createdAt.getTime() + 30 * 24 * 3600_000),
    createdAt,
    lastSeenAt: times.lastSeenAt ?? createdAt,
    secondFactorAt: times.secondFactorAt ?? null,
  })
  return sessionToken
}

import { and, eq, isNotNull, ne, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { memberships, sessions, users, userTwoFactor, type User } from '@/db/schema'
import { recordAccountEvent } from './account-audit'
import { isDueForTouch, sessionEnd, staffSessionLimits, type SessionLimits } from './session-limits'

export type SessionRow = typeof sessions.$inferSelect

/** A session still in force, with what every request needs to know about it. */
export type LiveSession = {
  session: SessionRow & {
    isStaff: boolean
    /** Two-factor is on for the person and this session has not yet passed it. */
    secondFactorPending: boolean
  }
  user: User
}

/**
 * The session of this token if it is still in force, else null. Applies the staff limits
 * (lib/auth/session-limits.ts): an ended session is deleted, with an audit entry. Records the
 * request as the session's last activity, at most once a minute. Auth.js calls it (through
 * the adapter) for every request that reads the session.
 */
export async function loadLiveSession(
  db: Database,
  sessionToken: string,
  options: { now?: Date; limits?: SessionLimits } = {},
): Promise<LiveSession | null> {
  const now = options.now ?? new Date()
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      isStaff: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(memberships)
        .where(and(eq(memberships.userId, sessions.userId), ne(memberships.role, 'student')))})`,
      twoFactorOn: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(userTwoFactor)
        .where(
          and(eq(userTwoFactor.userId, sessions.userId), isNotNull(userTwoFactor.enabledAt)),
        )})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, sessionToken))
  if (!row) return null
  const { session, user, isStaff, twoFactorOn } = row

  const ended = sessionEnd(session, isStaff, options.limits ?? staffSessionLimits(), now)
  if (ended) {
    await db.transaction(async (tx) => {
      const deleted = await tx
        .delete(sessions)
        .where(eq(sessions.sessionToken, sessionToken))
        .returning({ token: sessions.sessionToken })
      // Two requests may find the same ended session: one entry.
      if (deleted.length)
        await recordAccountEvent(tx, {
          userId: user.id,
          action: 'session.expired',
          after: { reason: ended, signedInAt: session.createdAt.toISOString() },
        })
    })
    return null
  }

  let lastSeenAt = session.lastSeenAt
  if (isDueForTouch(session.lastSeenAt, now)) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(eq(sessions.sessionToken, sessionToken))
    lastSeenAt = now
  }
  return {
    session: {
      ...session,
      lastSeenAt,
      isStaff,
      secondFactorPending: twoFactorOn && session.secondFactorAt === null,
    },
    user,
  }
}

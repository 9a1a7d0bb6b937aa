import { randomUUID } from 'node:crypto'
import type { Executor } from '@/db'
import { sessions } from '@/db/schema'
import { appUrl } from '@/lib/config/app-url'
import { sessionCookieName } from './session-establishment'

// Sessions live in the database so they can be revoked (sign-out, membership removal).
// Lifetime: 30 days (Auth.js extends them at most once a day while in use).
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60

export type CreatedSession = { sessionToken: string; expires: Date }

/**
 * Opens a session the way Auth.js's database strategy does (a random token, a row in
 * `sessions`), for a sign-in proven by another emailed link than Auth.js's own: accepting an
 * invitation. Auth.js then reads it like any of its sessions.
 */
export async function createDatabaseSession(
  tx: Executor,
  params: { userId: string; activeEstablishmentId?: string | null; now?: Date },
): Promise<CreatedSession> {
  const now = params.now ?? new Date()
  // Auth.js's own generateSessionToken.
  const sessionToken = randomUUID()
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000)
  await tx.insert(sessions).values({
    sessionToken,
    userId: params.userId,
    expires,
    activeEstablishmentId: params.activeEstablishmentId ?? null,
    createdAt: now,
    lastSeenAt: now,
  })
  return { sessionToken, expires }
}

/** The cookie Auth.js would set for this session (its name and options, lib/utils/cookie.js). */
export function sessionCookie(session: CreatedSession) {
  return {
    name: sessionCookieName(),
    value: session.sessionToken,
    options: {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      secure: appUrl().startsWith('https://'),
      expires: session.expires,
    },
  }
}

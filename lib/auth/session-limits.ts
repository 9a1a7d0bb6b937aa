// Staff sessions are short: a staff member's browser opens every file of the establishment,
// often on a shared computer in a staff room. Candidates and students keep Auth.js's 30 days
// (lib/auth/auth.ts): they see only their own things.

type Env = Record<string, string | undefined>

export type SessionLimits = { absoluteMs: number; idleMs: number }

export const DEFAULT_STAFF_SESSION_MAX_HOURS = 12
export const DEFAULT_STAFF_SESSION_IDLE_MINUTES = 30

/**
 * The last request of a session is written at most this often (no write per request): the
 * idle limit counts from the last recorded one, up to a minute earlier than the last request.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000

function positiveNumber(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`Réglage de session invalide : « ${value} » (un nombre positif est attendu).`)
  return n
}

/** STAFF_SESSION_MAX_HOURS (12) after sign-in, STAFF_SESSION_IDLE_MINUTES (30) without a request. */
export function staffSessionLimits(env: Env = process.env): SessionLimits {
  return {
    absoluteMs:
      positiveNumber(env.STAFF_SESSION_MAX_HOURS, DEFAULT_STAFF_SESSION_MAX_HOURS) * 3600_000,
    idleMs:
      positiveNumber(env.STAFF_SESSION_IDLE_MINUTES, DEFAULT_STAFF_SESSION_IDLE_MINUTES) * 60_000,
  }
}

export type SessionEnd = 'absolute' | 'idle'

/**
 * Why a session is over, or null while it may go on. Only staff sessions have these limits
 * ("staff": any membership other than student, in any establishment).
 */
export function sessionEnd(
  session: { createdAt: Date; lastSeenAt: Date },
  isStaff: boolean,
  limits: SessionLimits,
  now: Date,
): SessionEnd | null {
  if (!isStaff) return null
  if (now.getTime() - session.createdAt.getTime() >= limits.absoluteMs) return 'absolute'
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return 'idle'
  return null
}

/** Whether this request should record itself as the session's last activity. */
export function isDueForTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS
}

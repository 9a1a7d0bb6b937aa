import { describe, expect, it } from 'vitest'
import { isDueForTouch, sessionEnd, staffSessionLimits, type SessionLimits } from './session-limits'

const limits: SessionLimits = { absoluteMs: 12 * 3600_000, idleMs: 30 * 60_000 }
const signIn = new Date('2026-12-02T08:00:00Z')
const at = (minutes: number) => new Date(signIn.getTime() + minutes * 60_000)

describe('staff session limits', () => {
  it('ends a staff session 12 hours after sign-in, however active', () => {
    const session = { createdAt: signIn, lastSeenAt: at(12 * 60 - 1) }
    expect(sessionEnd(session, true, limits, at(12 * 60 - 0.5))).toBeNull()
    expect(sessionEnd(session, true, limits, at(12 * 60))).toBe('absolute')
  })

  it('ends a staff session after 30 minutes without a request, counted from the last one', () => {
    const session = { createdAt: signIn, lastSeenAt: at(100) }
    expect(sessionEnd(session, true, limits, at(129))).toBeNull()
    expect(sessionEnd(session, true, limits, at(130))).toBe('idle')
  })

  it('keeps candidates and students on their long session', () => {
    const session = { createdAt: signIn, lastSeenAt: signIn }
    expect(sessionEnd(session, false, limits, at(20 * 24 * 60))).toBeNull()
  })

  it('records activity at most once a minute', () => {
    expect(isDueForTouch(at(10), new Date(at(10).getTime() + 59_000))).toBe(false)
    expect(isDueForTouch(at(10), at(11))).toBe(true)
  })

  it('reads both limits from the settings, 12 h and 30 min by default', () => {
    expect(staffSessionLimits({})).toEqual(limits)
    expect(
      staffSessionLimits({ STAFF_SESSION_MAX_HOURS: '8', STAFF_SESSION_IDLE_MINUTES: '15' }),
    ).toEqual({ absoluteMs: 8 * 3600_000, idleMs: 15 * 60_000 })
    expect(() => staffSessionLimits({ STAFF_SESSION_IDLE_MINUTES: 'trente' })).toThrow(/invalide/)
  })
})

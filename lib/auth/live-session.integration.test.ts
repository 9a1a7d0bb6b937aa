import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog, memberships, sessions, userTwoFactor } from '@/db/schema'
import { createEstablishment, createMember, createUser } from '@/db/test/factories'
import { openSession } from '@/db/test/sessions'
import { openSessionsOf, signOutEverywhere } from './account-sessions'
import { loadLiveSession } from './live-session'

const MIN = 60_000
const HOUR = 60 * MIN
const ago = (ms: number, now: Date) => new Date(now.getTime() - ms)
const rowOf = async (token: string) =>
  (await db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0]
const entries = (userId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, userId), eq(auditLog.action, action)))

describe('staff sessions end on their limits, wherever the session is read', () => {
  it('ends a staff session idle for 30 minutes: deleted, on record in the establishment', async () => {
    const now = new Date()
    const establishment = await createEstablishment(db)
    const head = await createMember(db, establishment.id, 'head')
    const token = await openSession(db, head.id, {
      createdAt: ago(2 * HOUR, now),
      lastSeenAt: ago(31 * MIN, now),
    })

    expect(await loadLiveSession(db, token, { now })).toBeNull()
    expect(await rowOf(token)).toBeUndefined()
    const [entry] = await entries(head.id, 'session.expired')
    expect(entry).toMatchObject({ establishmentId: establishment.id, after: { reason: 'idle' } })
  })

  it('ends a staff session 12 hours after sign-in even when used a minute ago', async () => {
    const now = new Date()
    const establishment = await createEstablishment(db)
    const teacher = await createMember(db, establishment.id, 'main_teacher')
    const token = await openSession(db, teacher.id, {
      createdAt: ago(12 * HOUR + MIN, now),
      lastSeenAt: ago(MIN, now),
    })
    expect(await loadLiveSession(db, token, { now })).toBeNull()
    expect(await rowOf(token)).toBeUndefined()
    expect((await entries(teacher.id, 'session.expired'))[0]?.after).toMatchObject({
      reason: 'absolute',
    })
  })

  it('keeps a candidate’s session, and a student’s, after hours without a request', async () => {
    const now = new Date()
    const establishment = await createEstablishment(db)
    const student = await createMember(db, establishment.id, 'student')
    const candidate = await createUser(db)
    for (const person of [student, candidate]) {
      const token = await openSession(db, person.id, {
        createdAt: ago(3 * 24 * HOUR, now),
        lastSeenAt: ago(2 * 24 * HOUR, now),
      })
      const live = await loadLiveSession(db, token, { now })
      expect(live?.user.id).toBe(person.id)
      expect(live?.session.isStaff).toBe(false)
    }
  })

  it('counts a staff role in any establishment, even beside a student one elsewhere', async () => {
    const now = new Date()
    const [a, b] = [await createEstablishment(db), await createEstablishment(db)]
    const person = await createMember(db, a.id, 'student')
    await db.insert(memberships).values({ userId: person.id, establishmentId: b.id, role: 'tutor' })
    const token = await openSession(db, person.id, { lastSeenAt: ago(40 * MIN, now) })
    expect(await loadLiveSession(db, token, { now })).toBeNull()
  })

  it('records activity at most once a minute, and 30 minutes count from the last one', async () => {
    const start = new Date(Date.now() - 2 * HOUR)
    const establishment = await createEstablishment(db)
    const admin = await createMember(db, establishment.id, 'admin')
    const token = await openSession(db, admin.id, { createdAt: start })
    const at = (minutes: number) => new Date(start.getTime() + minutes * MIN)

    await loadLiveSession(db, token, { now: new Date(start.getTime() + 30_000) })
    expect((await rowOf(token))?.lastSeenAt).toEqual(start) // not yet a minute: no write
    await loadLiveSession(db, token, { now: at(25) })
    expect((await rowOf(token))?.lastSeenAt).toEqual(at(25))
    expect(await loadLiveSession(db, token, { now: at(54) })).not.toBeNull() // 29 min after the last
    expect(await loadLiveSession(db, token, { now: at(84) })).toBeNull()
  })

  it('says when two-factor waits for its code in this session', async () => {
    const establishment = await createEstablishment(db)
    const head = await createMember(db, establishment.id, 'head')
    await db
      .insert(userTwoFactor)
      .values({ userId: head.id, secretEncrypted: 'x', enabledAt: new Date() })
    const fresh = await openSession(db, head.id)
    const checked = await openSession(db, head.id, { secondFactorAt: new Date() })
    expect((await loadLiveSession(db, fresh))?.session.secondFactorPending).toBe(true)
    expect((await loadLiveSession(db, checked))?.session.secondFactorPending).toBe(false)
  })
})

describe('signing out everywhere', () => {
  it('ends every session of the person and no one else’s, on record', async () => {
    const establishment = await createEstablishment(db)
    const head = await createMember(db, establishment.id, 'head')
    const colleague = await createMember(db, establishment.id, 'head')
    const [laptop, phone] = [await openSession(db, head.id), await openSession(db, head.id)]
    const theirs = await openSession(db, colleague.id)
    expect(await openSessionsOf(db, { userId: head.id, currentToken: phone })).toHaveLength(2)

    expect(await signOutEverywhere(db, { userId: head.id })).toBe(2)
    expect(await loadLiveSession(db, laptop)).toBeNull()
    expect(await loadLiveSession(db, phone)).toBeNull()
    expect(await loadLiveSession(db, theirs)).not.toBeNull()
    expect((await entries(head.id, 'auth.signed_out_everywhere'))[0]).toMatchObject({
      establishmentId: establishment.id,
      after: { sessions: 2 },
    })
  })
})

import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog, sessions, userTwoFactor } from '@/db/schema'
import { createEstablishment, createMember } from '@/db/test/factories'
import { openSession } from '@/db/test/sessions'
import { loadLiveSession } from './live-session'
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  MAX_WRONG_CODES,
  tooManyMessage,
  twoFactorStatus,
  verifySecondFactor,
  wrongCodeMessage,
} from './two-factor'
import { totpCode } from './two-factor-crypto'

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'integration-test-secret-0123456789abcdef'
})

const STEP = 30_000
const later = (base: Date, steps: number) => new Date(base.getTime() + steps * STEP)

/** A head with two-factor on, the session where they turned it on, their secret and recovery codes. */
async function headWithTwoFactor(now = new Date()) {
  const establishment = await createEstablishment(db)
  const head = await createMember(db, establishment.id, 'head')
  const sessionToken = await openSession(db, head.id)
  await beginTwoFactorSetup(db, head.id)
  const status = await twoFactorStatus(db, head)
  if (status.state !== 'setting-up') throw new Error('expected a setup')
  const codes = await confirmTwoFactorSetup(db, {
    userId: head.id,
    sessionToken,
    code: totpCode(status.secret, now),
    now,
  })
  return { establishment, head, sessionToken, secret: status.secret, codes, now }
}

const secondFactorAt = async (token: string) =>
  (await db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0]?.secondFactorAt

describe('turning two-factor on', () => {
  it('takes a first valid code, gives ten recovery codes once and keeps only their hashes', async () => {
    const { head, sessionToken, secret, codes, establishment } = await headWithTwoFactor()
    expect(codes).toHaveLength(10)
    const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, head.id))
    expect(row!.enabledAt).not.toBeNull()
    expect(row!.secretEncrypted).not.toContain(secret)
    expect(row!.recoveryCodeHashes).toHaveLength(10)
    expect(row!.recoveryCodeHashes.some((h) => codes.includes(h))).toBe(false)
    // The session where it was turned on has proven it; the person's other sessions must now.
    expect((await loadLiveSession(db, sessionToken))?.session.secondFactorPending).toBe(false)
    const other = await openSession(db, head.id)
    expect((await loadLiveSession(db, other))?.session.secondFactorPending).toBe(true)
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, head.id), eq(auditLog.action, 'two_factor.enabled')))
    expect(entry?.establishmentId).toBe(establishment.id)
  })

  it('stays off after a wrong first code', async () => {
    const establishment = await createEstablishment(db)
    const admin = await createMember(db, establishment.id, 'admin')
    await beginTwoFactorSetup(db, admin.id)
    await expect(
      confirmTwoFactorSetup(db, {
        userId: admin.id,
        sessionToken: await openSession(db, admin.id),
        code: '000000',
      }),
    ).rejects.toThrow(wrongCodeMessage)
    expect((await twoFactorStatus(db, admin)).state).toBe('setting-up')
  })
})

describe('the second step of a sign-in', () => {
  it('marks the session checked with a TOTP code, and refuses the same code again', async () => {
    const { head, secret, now } = await headWithTwoFactor()
    const [first, second] = [await openSession(db, head.id), await openSession(db, head.id)]
    const next = later(now, 1)
    const code = totpCode(secret, next)
    expect(
      await verifySecondFactor(db, { userId: head.id, sessionToken: first, code, now: next }),
    ).toBe('totp')
    expect(await secondFactorAt(first)).toEqual(next)
    // Replayed within its 30 seconds (seen over a shoulder, or by malware): refused.
    await expect(
      verifySecondFactor(db, { userId: head.id, sessionToken: second, code, now: next }),
    ).rejects.toThrow(wrongCodeMessage)
    expect(await secondFactorAt(second)).toBeNull()
  })

  it('refuses the code used to turn two-factor on, within its 30 seconds', async () => {
    const { head, secret, now } = await headWithTwoFactor()
    await expect(
      verifySecondFactor(db, {
        userId: head.id,
        sessionToken: await openSession(db, head.id),
        code: totpCode(secret, now),
        now,
      }),
    ).rejects.toThrow(wrongCodeMessage)
  })

  it('takes each recovery code once', async () => {
    const { head, codes } = await headWithTwoFactor()
    const code = codes[3]!.toUpperCase()
    const sessionToken = await openSession(db, head.id)
    expect(await verifySecondFactor(db, { userId: head.id, sessionToken, code })).toBe('recovery')
    await expect(
      verifySecondFactor(db, {
        userId: head.id,
        sessionToken: await openSession(db, head.id),
        code,
      }),
    ).rejects.toThrow(wrongCodeMessage)
    expect(await twoFactorStatus(db, head)).toMatchObject({ state: 'on', recoveryCodesLeft: 9 })
  })

  it(`stops after ${MAX_WRONG_CODES} wrong codes, even a right one, and puts failures on record`, async () => {
    const { head, secret, now } = await headWithTwoFactor()
    const sessionToken = await openSession(db, head.id)
    for (let i = 0; i < MAX_WRONG_CODES; i++)
      await expect(
        verifySecondFactor(db, { userId: head.id, sessionToken, code: '123456', now }),
      ).rejects.toThrow(wrongCodeMessage)
    await expect(
      verifySecondFactor(db, {
        userId: head.id,
        sessionToken,
        code: totpCode(secret, later(now, 1)),
        now: later(now, 1),
      }),
    ).rejects.toThrow(tooManyMessage)
    expect(await secondFactorAt(sessionToken)).toBeNull()
    const failures = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, head.id), eq(auditLog.action, 'two_factor.failed')))
    expect(failures).toHaveLength(MAX_WRONG_CODES + 1)
  })
})

describe('turning two-factor off', () => {
  it('needs a valid code: a wrong one leaves it on', async () => {
    const { head, secret, now } = await headWithTwoFactor()
    await expect(disableTwoFactor(db, { userId: head.id, code: '999999', now })).rejects.toThrow(
      wrongCodeMessage,
    )
    expect((await twoFactorStatus(db, head)).state).toBe('on')
    await disableTwoFactor(db, {
      userId: head.id,
      code: totpCode(secret, later(now, 1)),
      now: later(now, 1),
    })
    expect((await twoFactorStatus(db, head)).state).toBe('off')
    const fresh = await openSession(db, head.id)
    expect((await loadLiveSession(db, fresh))?.session.secondFactorPending).toBe(false)
  })
})

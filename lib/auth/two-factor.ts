import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { sessions, userTwoFactor } from '@/db/schema'
import { UserFacingError } from '@/lib/errors'
import { countSince, lockKey, record } from '@/lib/rate-limit/events'
import { recordAccountEvent } from './account-audit'
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpStepOf,
  totpUri,
} from './two-factor-crypto'

// Optional two-factor sign-in (TOTP), offered to everyone and advised to heads and admins.
// Set up in two steps (a secret shown as a QR code, then a first valid code), checked once
// per session after the emailed link (sessions.second_factor_at), turned off with a code.

/** Wrong codes allowed per person in 15 minutes, all uses together (sign-in, setup, turning off). */
export const MAX_WRONG_CODES = 5
const WRONG_CODES_WINDOW_MS = 15 * 60_000
const WRONG_CODES_BUCKET = 'two-factor-wrong-code'

export const wrongCodeMessage =
  'Ce code n’est pas valide. Vérifiez l’heure de votre téléphone et réessayez.'
export const tooManyMessage =
  'Trop de codes incorrects : pour votre sécurité, réessayez dans 15 minutes.'

export type TwoFactorStatus =
  | { state: 'off' }
  | { state: 'setting-up'; secret: string; uri: string }
  | { state: 'on'; enabledAt: Date; recoveryCodesLeft: number }

type Context = { ip?: string | null; userAgent?: string | null; now?: Date }

async function rowOf(db: Executor, userId: string) {
  const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId))
  return row
}

/** What the account page shows: off, being set up (the QR code again), or on. */
export async function twoFactorStatus(
  db: Executor,
  user: { id: string; email: string },
): Promise<TwoFactorStatus> {
  const row = await rowOf(db, user.id)
  if (!row) return { state: 'off' }
  if (!row.enabledAt) {
    const secret = decryptTotpSecret(row.secretEncrypted)
    return { state: 'setting-up', secret, uri: totpUri(secret, user.email) }
  }
  return {
    state: 'on',
    enabledAt: row.enabledAt,
    recoveryCodesLeft: row.recoveryCodeHashes.length,
  }
}

/** Step 1: a new secret for the person's authenticator app (replaces an unfinished setup). */
export async function beginTwoFactorSetup(db: Executor, userId: string) {
  const existing = await rowOf(db, userId)
  if (existing?.enabledAt)
    throw new UserFacingError('La validation en deux étapes est déjà activée.')
  const secretEncrypted = encryptTotpSecret(newTotpSecret())
  await db
    .insert(userTwoFactor)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({
      target: userTwoFactor.userId,
      set: { secretEncrypted, lastUsedStep: null, recoveryCodeHashes: [] },
      setWhere: isNull(userTwoFactor.enabledAt),
    })
}

/** Gives up an unfinished setup (nothing was enabled). */
export async function cancelTwoFactorSetup(db: Executor, userId: string) {
  await db
    .delete(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, userId), isNull(userTwoFactor.enabledAt)))
}

type Verdict =
  { ok: true; method: 'totp' | 'recovery' } | { ok: false; reason: 'wrong' | 'too-many' }

/**
 * Checks a code (TOTP, or a recovery code when `allowRecovery`) inside the caller's
 * transaction, serialised per person: a TOTP step is accepted once (its step recorded), a
 * recovery code once (its hash removed); a wrong code counts against the limit.
 */
async function checkCode(
  tx: Executor,
  params: { userId: string; code: string; allowRecovery: boolean; enabledOnly: boolean; now: Date },
): Promise<Verdict> {
  await lockKey(tx, WRONG_CODES_BUCKET, params.userId)
  const since = new Date(params.now.getTime() - WRONG_CODES_WINDOW_MS)
  if ((await countSince(tx, WRONG_CODES_BUCKET, params.userId, since)) >= MAX_WRONG_CODES)
    return { ok: false, reason: 'too-many' }
  const row = await rowOf(tx, params.userId)
  if (!row || (params.enabledOnly && !row.enabledAt)) return { ok: false, reason: 'wrong' }

  const step = totpStepOf(decryptTotpSecret(row.secretEncrypted), params.code, params.now)
  if (step !== null) {
    // The same code (or an older one) again: refused, even within its 30 seconds.
    const used = await tx
      .update(userTwoFactor)
      .set({ lastUsedStep: step })
      .where(
        and(
          eq(userTwoFactor.userId, params.userId),
          or(isNull(userTwoFactor.lastUsedStep), lt(userTwoFactor.lastUsedStep, step)),
        ),
      )
      .returning({ userId: userTwoFactor.userId })
    if (used.length) return { ok: true, method: 'totp' }
  } else if (params.allowRecovery && row.enabledAt) {
    const hash = hashRecoveryCode(params.code)
    const used = await tx
      .update(userTwoFactor)
      .set({ recoveryCodeHashes: sql`array_remove(${userTwoFactor.recoveryCodeHashes}, ${hash})` })
      .where(
        and(
          eq(userTwoFactor.userId, params.userId),
          sql`${hash} = any(${userTwoFactor.recoveryCodeHashes})`,
        ),
      )
      .returning({ userId: userTwoFactor.userId })
    if (used.length) return { ok: true, method: 'recovery' }
  }
  await record(tx, WRONG_CODES_BUCKET, params.userId, params.now)
  return { ok: false, reason: 'wrong' }
}

function refuse(verdict: Verdict & { ok: false }): never {
  throw new UserFacingError(verdict.reason === 'too-many' ? tooManyMessage : wrongCodeMessage, {
    code: [verdict.reason === 'too-many' ? tooManyMessage : wrongCodeMessage],
  })
}

/**
 * Step 2: the first valid code turns two-factor on. Returns the ten recovery codes, shown
 * once (only their hashes are kept). The session where it happens counts as checked.
 */
export async function confirmTwoFactorSetup(
  db: Database,
  params: { userId: string; sessionToken: string; code: string } & Context,
): Promise<string[]> {
  const now = params.now ?? new Date()
  const outcome = await db.transaction(async (tx) => {
    const row = await rowOf(tx, params.userId)
    if (!row) return { verdict: null }
    if (row.enabledAt) return { verdict: null }
    const verdict = await checkCode(tx, {
      ...params,
      allowRecovery: false,
      enabledOnly: false,
      now,
    })
    if (!verdict.ok) return { verdict }
    const codes = newRecoveryCodes()
    await tx
      .update(userTwoFactor)
      .set({ enabledAt: now, recoveryCodeHashes: codes.map((c) => hashRecoveryCode(c)) })
      .where(eq(userTwoFactor.userId, params.userId))
    await tx
      .update(sessions)
      .set({ secondFactorAt: now })
      .where(
        and(eq(sessions.sessionToken, params.sessionToken), eq(sessions.userId, params.userId)),
      )
    await recordAccountEvent(tx, {
      userId: params.userId,
      action: 'two_factor.enabled',
      ip: params.ip,
      userAgent: params.userAgent,
    })
    return { verdict, codes }
  })
  if (!outcome.verdict)
    throw new UserFacingError('Recommencez l’activation : aucune configuration n’est en cours.')
  if (!outcome.verdict.ok) refuse(outcome.verdict)
  return outcome.codes!
}

/**
 * The second step of a sign-in: a TOTP or recovery code marks this session as checked.
 * Wrong codes are counted (and audited); beyond the limit even a right one waits.
 */
export async function verifySecondFactor(
  db: Database,
  params: { userId: string; sessionToken: string; code: string } & Context,
): Promise<'totp' | 'recovery'> {
  const now = params.now ?? new Date()
  const verdict = await db.transaction(async (tx) => {
    const verdict = await checkCode(tx, { ...params, allowRecovery: true, enabledOnly: true, now })
    if (verdict.ok) {
      await tx
        .update(sessions)
        .set({ secondFactorAt: now })
        .where(
          and(eq(sessions.sessionToken, params.sessionToken), eq(sessions.userId, params.userId)),
        )
      if (verdict.method === 'recovery') {
        const left = (await rowOf(tx, params.userId))?.recoveryCodeHashes.length ?? 0
        await recordAccountEvent(tx, {
          userId: params.userId,
          action: 'two_factor.recovery_code_used',
          after: { recoveryCodesLeft: left },
          ip: params.ip,
          userAgent: params.userAgent,
        })
      }
    } else {
      await recordAccountEvent(tx, {
        userId: params.userId,
        action: 'two_factor.failed',
        after: { reason: verdict.reason },
        ip: params.ip,
        userAgent: params.userAgent,
      })
    }
    return verdict
  })
  if (!verdict.ok) refuse(verdict)
  return verdict.method
}

/** Turning two-factor off needs a valid code (TOTP or recovery): a stolen session is not enough. */
export async function disableTwoFactor(
  db: Database,
  params: { userId: string; code: string } & Context,
) {
  const now = params.now ?? new Date()
  const verdict = await db.transaction(async (tx) => {
    const verdict = await checkCode(tx, { ...params, allowRecovery: true, enabledOnly: true, now })
    if (verdict.ok) {
      await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, params.userId))
      await recordAccountEvent(tx, {
        userId: params.userId,
        action: 'two_factor.disabled',
        ip: params.ip,
        userAgent: params.userAgent,
      })
    } else {
      await recordAccountEvent(tx, {
        userId: params.userId,
        action: 'two_factor.failed',
        after: { reason: verdict.reason, while: 'disabling' },
        ip: params.ip,
        userAgent: params.userAgent,
      })
    }
    return verdict
  })
  if (!verdict.ok) refuse(verdict)
}

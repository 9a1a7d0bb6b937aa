import { createHash, randomInt } from 'node:crypto'
import { and, desc, eq, gt, isNotNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { phoneVerifications } from '@/db/schema'
import { UserFacingError } from '@/lib/errors'
import type { SmsSender } from '@/lib/sms/sender'

export const CODE_TTL_MS = 10 * 60 * 1000
export const MAX_ATTEMPTS = 5
const MAX_CODES_PER_HOUR = 5

const hashCode = (requestId: string, code: string) =>
  createHash('sha256').update(`${requestId}:${code}`).digest('hex')

/** Texts a 6-digit code to the phone, valid 10 minutes; at most 5 codes an hour per request. */
export async function sendPhoneCode(
  db: Executor,
  sms: SmsSender,
  params: { requestId: string; phone: string; now?: Date },
) {
  const now = params.now ?? new Date()
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.requestId, params.requestId),
        gt(phoneVerifications.createdAt, new Date(now.getTime() - 3600_000)),
      ),
    )
  if ((recent?.n ?? 0) >= MAX_CODES_PER_HOUR) {
    throw new UserFacingError('Trop de codes demandés. Réessayez dans une heure.', {
      phone: ['Trop de codes demandés. Réessayez dans une heure.'],
    })
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  await db.insert(phoneVerifications).values({
    requestId: params.requestId,
    phone: params.phone,
    codeHash: hashCode(params.requestId, code),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    createdAt: now,
  })
  await sms.send(db, {
    to: params.phone,
    body: `Tremplin : votre code de confirmation est ${code} (valable 10 minutes).`,
  })
}

/** Checks the latest code for this phone: wrong codes count, the fifth failure burns it. */
export async function confirmPhoneCode(
  db: Executor,
  params: { requestId: string; phone: string; code: string; now?: Date },
) {
  const now = params.now ?? new Date()
  const [latest] = await db
    .select()
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.requestId, params.requestId),
        eq(phoneVerifications.phone, params.phone),
      ),
    )
    .orderBy(desc(phoneVerifications.createdAt))
    .limit(1)
  const fail = (message: string) => new UserFacingError(message, { code: [message] })
  if (!latest) throw fail('Demandez d’abord un code pour ce numéro.')
  if (latest.confirmedAt) return
  if (latest.expiresAt <= now) throw fail('Ce code a expiré : demandez-en un nouveau.')
  if (latest.attempts >= MAX_ATTEMPTS) throw fail('Trop d’essais : demandez un nouveau code.')
  if (latest.codeHash !== hashCode(params.requestId, params.code)) {
    await db
      .update(phoneVerifications)
      .set({ attempts: sql`${phoneVerifications.attempts} + 1` })
      .where(eq(phoneVerifications.id, latest.id))
    const left = MAX_ATTEMPTS - latest.attempts - 1
    throw fail(
      left > 0
        ? `Code incorrect. Il vous reste ${left} essai${left > 1 ? 's' : ''}.`
        : 'Code incorrect. Demandez un nouveau code.',
    )
  }
  await db
    .update(phoneVerifications)
    .set({ confirmedAt: now })
    .where(eq(phoneVerifications.id, latest.id))
}

export async function isPhoneConfirmed(db: Executor, requestId: string, phone: string) {
  const rows = await db
    .select({ id: phoneVerifications.id })
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.requestId, requestId),
        eq(phoneVerifications.phone, phone),
        isNotNull(phoneVerifications.confirmedAt),
      ),
    )
    .limit(1)
  return rows.length > 0
}

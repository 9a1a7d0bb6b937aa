import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  establishmentRegistrations,
  establishments,
  users,
  type EstablishmentRegistration,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from '@/lib/auth/link-tokens'
import { mailboxKey } from '@/lib/auth/magic-link'
import { appUrl } from '@/lib/config/app-url'
import { UserFacingError } from '@/lib/errors'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { grantMembership } from '@/lib/people/memberships'
import { consume, type Limit } from '@/lib/rate-limit/events'
import { checkedCommune } from './communes'
import { insertEstablishment, userForEmail } from './creation'
import type { RegistrationFields } from './schemas'

// A head of establishment registers their school (seed 004): the request waits for the
// emailed link to be opened (awaiting_email), then for a platform operator (awaiting_approval),
// who approves it (the establishment and the head's membership are created) or rejects it
// with a reason. Each step emails the head, in the transaction that makes the change.

export const REGISTRATION_LINK_TTL_HOURS = 48
const HOUR_MS = 3600_000

// Registration emails go to addresses nobody has checked yet: a few per mailbox and per
// client an hour, so the form cannot be used to flood an inbox.
export const MAX_REGISTRATIONS_PER_ADDRESS_PER_HOUR = 3
export const MAX_REGISTRATIONS_PER_IP_PER_HOUR = 10
export const registrationBuckets = {
  address: 'registration-address',
  ip: 'registration-ip',
} as const

export const registrationUrl = (token: string) =>
  `${appUrl()}/inscription-etablissement/confirmer/${token}`

const alreadyRegistered = () =>
  new UserFacingError('Cet établissement est déjà inscrit sur Tremplin.', {
    uai: [
      'Code UAI : cet établissement est déjà inscrit sur Tremplin. Demandez à sa direction de vous inviter.',
    ],
  })

/**
 * Records a head's registration and emails them the confirmation link (48 h, single use).
 * Refused for a UAI already on the platform or awaiting approval, and beyond the limits.
 */
export async function startRegistration(
  db: Database,
  input: RegistrationFields,
  context: { ip?: string | null; now?: Date } = {},
): Promise<{ id: string; token: string }> {
  const now = context.now ?? new Date()
  const city = checkedCommune(input.postcode, input.city)
  const since = new Date(now.getTime() - HOUR_MS)
  const limits: Limit[] = [
    {
      bucket: registrationBuckets.address,
      key: mailboxKey(input.headEmail),
      max: MAX_REGISTRATIONS_PER_ADDRESS_PER_HOUR,
      since,
    },
  ]
  if (context.ip)
    limits.push({
      bucket: registrationBuckets.ip,
      key: context.ip,
      max: MAX_REGISTRATIONS_PER_IP_PER_HOUR,
      since,
    })
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: establishments.id })
      .from(establishments)
      .where(eq(establishments.uai, input.uai))
    if (existing) throw alreadyRegistered()
    const [pending] = await tx
      .select({ id: establishmentRegistrations.id })
      .from(establishmentRegistrations)
      .where(
        and(
          eq(establishmentRegistrations.uai, input.uai),
          eq(establishmentRegistrations.status, 'awaiting_approval'),
        ),
      )
    if (pending)
      throw new UserFacingError('Une demande d’inscription de cet établissement est en cours.', {
        uai: [
          'Code UAI : une demande d’inscription de cet établissement attend déjà la validation de la plateforme.',
        ],
      })
    if (await consume(tx, limits, now))
      throw new UserFacingError(
        'Trop de demandes d’inscription en peu de temps : réessayez dans une heure.',
      )
    const { token, hash } = generateLinkToken()
    const [row] = await tx
      .insert(establishmentRegistrations)
      .values({
        uai: input.uai,
        name: input.name,
        kind: input.kind,
        address: input.address || null,
        postcode: input.postcode,
        city,
        emailDomain: input.emailDomain,
        headName: input.headName,
        headEmail: input.headEmail,
        status: 'awaiting_email',
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + REGISTRATION_LINK_TTL_HOURS * HOUR_MS),
        createdAt: now,
      })
      .returning({ id: establishmentRegistrations.id })
    await enqueueEmail(tx, {
      template: 'registration-confirmation',
      to: input.headEmail,
      props: {
        headName: input.headName,
        establishmentName: input.name,
        url: registrationUrl(token),
        validFor: `${REGISTRATION_LINK_TTL_HOURS} heures`,
      },
    })
    await recordAudit(tx, {
      establishmentId: null,
      actorUserId: null,
      actorLabel: input.headEmail,
      action: 'establishment_registration.submitted',
      subjectType: 'establishment_registration',
      subjectId: row!.id,
      after: { uai: input.uai, name: input.name, headEmail: input.headEmail },
      ip: context.ip ?? null,
    })
    return { id: row!.id, token }
  })
}

export type RegistrationLinkProblem = 'unknown' | 'expired' | 'used'

export const registrationLinkMessages: Record<RegistrationLinkProblem, string> = {
  unknown: 'Ce lien de confirmation n’est pas valide. Vérifiez qu’il a été copié en entier.',
  expired:
    'Ce lien de confirmation a expiré (il était valable 48 heures). Déposez une nouvelle demande d’inscription.',
  used: 'Votre adresse est déjà confirmée : la demande attend la validation de l’équipe de la plateforme, qui vous écrira.',
}

function linkProblem(
  row: Pick<EstablishmentRegistration, 'status' | 'expiresAt'>,
  now: Date,
): RegistrationLinkProblem | null {
  if (row.status !== 'awaiting_email') return 'used'
  if (!row.expiresAt || row.expiresAt.getTime() <= now.getTime()) return 'expired'
  return null
}

/** The registration a confirmation link opens, or why it opens nothing. */
export async function findRegistrationByToken(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<
  | { ok: true; registration: EstablishmentRegistration }
  | { ok: false; problem: RegistrationLinkProblem }
> {
  if (!looksLikeLinkToken(token)) return { ok: false, problem: 'unknown' }
  const [row] = await db
    .select()
    .from(establishmentRegistrations)
    .where(eq(establishmentRegistrations.tokenHash, hashLinkToken(token)))
  if (!row) return { ok: false, problem: 'unknown' }
  const problem = linkProblem(row, now)
  return problem ? { ok: false, problem } : { ok: true, registration: row }
}

/** The head opened their link and confirmed: the request now waits for the operator. Once only. */
export async function confirmRegistration(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<EstablishmentRegistration> {
  return db.transaction(async (tx) => {
    const [row] = looksLikeLinkToken(token)
      ? await tx
          .select()
          .from(establishmentRegistrations)
          .where(eq(establishmentRegistrations.tokenHash, hashLinkToken(token)))
          .for('update')
      : []
    if (!row) throw new UserFacingError(registrationLinkMessages.unknown)
    const problem = linkProblem(row, now)
    if (problem) throw new UserFacingError(registrationLinkMessages[problem])
    const [updated] = await tx
      .update(establishmentRegistrations)
      .set({ status: 'awaiting_approval', emailConfirmedAt: now })
      .where(eq(establishmentRegistrations.id, row.id))
      .returning()
    // The platform's operators learn that a registration waits for them.
    const operators = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.platformAdmin, true))
    for (const operator of operators)
      await enqueueEmail(tx, {
        template: 'registration-awaiting-approval',
        to: operator.email,
        dedupeKey: `registration-awaiting-approval:${row.id}:${operator.email}`,
        props: {
          establishmentName: row.name,
          uai: row.uai,
          city: row.city,
          headName: row.headName,
          headEmail: row.headEmail,
          url: `${appUrl()}/plateforme/inscriptions`,
        },
      })
    await recordAudit(tx, {
      establishmentId: null,
      actorUserId: null,
      actorLabel: row.headEmail,
      action: 'establishment_registration.confirmed',
      subjectType: 'establishment_registration',
      subjectId: row.id,
    })
    return updated!
  })
}

/** Registrations whose address is confirmed, oldest first, for the operator. */
export async function registrationsAwaitingApproval(db: Executor) {
  return db
    .select()
    .from(establishmentRegistrations)
    .where(eq(establishmentRegistrations.status, 'awaiting_approval'))
    .orderBy(asc(establishmentRegistrations.createdAt))
}

async function lockAwaiting(tx: Executor, registrationId: string) {
  const [row] = await tx
    .select()
    .from(establishmentRegistrations)
    .where(eq(establishmentRegistrations.id, registrationId))
    .for('update')
  if (!row) throw new UserFacingError('Demande introuvable.')
  if (row.status !== 'awaiting_approval')
    throw new UserFacingError(
      row.status === 'awaiting_email'
        ? 'Cette demande attend encore la confirmation de l’adresse du chef d’établissement.'
        : 'Cette demande a déjà été traitée.',
    )
  return row
}

/**
 * Approves a confirmed registration: creates the establishment, makes the registrant its
 * head (their account created if needed) and tells them, in one transaction.
 */
export async function approveRegistration(
  db: Database,
  params: { registrationId: string; actorUserId: string; now?: Date },
): Promise<{ establishmentId: string }> {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const row = await lockAwaiting(tx, params.registrationId)
    const establishment = await insertEstablishment(tx, {
      uai: row.uai,
      name: row.name,
      kind: row.kind,
      address: row.address,
      postcode: row.postcode,
      city: row.city,
      latitude: row.latitude,
      longitude: row.longitude,
      emailDomains: [row.emailDomain],
    })
    if (!establishment) throw alreadyRegistered()
    const head = await userForEmail(tx, row.headEmail, row.headName)
    await grantMembership(tx, { userId: head.id, establishmentId: establishment.id, role: 'head' })
    await tx
      .update(establishmentRegistrations)
      .set({
        status: 'approved',
        decidedByUserId: params.actorUserId,
        decidedAt: now,
        establishmentId: establishment.id,
      })
      .where(eq(establishmentRegistrations.id, row.id))
    await enqueueEmail(tx, {
      template: 'registration-approved',
      to: row.headEmail,
      establishmentId: establishment.id,
      props: {
        headName: row.headName,
        establishmentName: row.name,
        email: row.headEmail,
        signInUrl: `${appUrl()}/connexion?callbackUrl=${encodeURIComponent('/equipe/etablissement')}`,
      },
    })
    await recordAudit(tx, {
      establishmentId: establishment.id,
      actorUserId: params.actorUserId,
      action: 'establishment_registration.approved',
      subjectType: 'establishment_registration',
      subjectId: row.id,
      after: { headEmail: row.headEmail },
    })
    await recordAudit(tx, {
      establishmentId: establishment.id,
      actorUserId: params.actorUserId,
      action: 'establishment.created',
      subjectType: 'establishment',
      subjectId: establishment.id,
      after: { uai: row.uai, name: row.name, city: row.city, registrationId: row.id },
    })
    return { establishmentId: establishment.id }
  })
}

/** Rejects a confirmed registration with a reason, which the registrant receives. */
export async function rejectRegistration(
  db: Database,
  params: { registrationId: string; reason: string; actorUserId: string; now?: Date },
) {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const row = await lockAwaiting(tx, params.registrationId)
    await tx
      .update(establishmentRegistrations)
      .set({
        status: 'rejected',
        decidedByUserId: params.actorUserId,
        decidedAt: now,
        rejectionReason: params.reason,
      })
      .where(eq(establishmentRegistrations.id, row.id))
    await enqueueEmail(tx, {
      template: 'registration-rejected',
      to: row.headEmail,
      props: { headName: row.headName, establishmentName: row.name, reason: params.reason },
    })
    await recordAudit(tx, {
      establishmentId: null,
      actorUserId: params.actorUserId,
      action: 'establishment_registration.rejected',
      subjectType: 'establishment_registration',
      subjectId: row.id,
      after: { reason: params.reason },
    })
  })
}

/** How many registrations wait for the operator (the platform's menu shows it). */
export async function countAwaitingApproval(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(establishmentRegistrations)
    .where(eq(establishmentRegistrations.status, 'awaiting_approval'))
  return row?.n ?? 0
}

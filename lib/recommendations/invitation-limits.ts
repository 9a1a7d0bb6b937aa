import { and, eq } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { applications, recommendationRequests } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { clear, consume, countSince, type Limit } from '@/lib/rate-limit/events'

// A candidate chooses the addresses the school emails. Without limits, replacing a
// recommender again and again (or resending) makes the school send mail to anyone. Every
// invitation to a candidate-chosen address (submission, replacement, resend) counts, per
// application and per candidate account (new drafts or applications do not reset it);
// replacements are also capped per recommender slot. Staff can lift the limits.

type Env = Record<string, string | undefined>

export type InvitationLimits = {
  /** Replacements of the recommender in one slot of an application, ever (until staff lift it). */
  replacementsPerSlot: number
  /** Invitation emails for one application in any 24 hours. */
  emailsPerApplicationPerDay: number
  /** Invitation emails for all of a candidate's applications in any 24 hours. */
  emailsPerCandidatePerDay: number
}

export const DEFAULT_INVITATION_LIMITS: InvitationLimits = {
  replacementsPerSlot: 3,
  emailsPerApplicationPerDay: 10,
  emailsPerCandidatePerDay: 30,
}

const positiveInteger = (value: string | undefined, fallback: number) => {
  const n = Number(value)
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback
}

/** The limits in force: the defaults above, each overridable by an environment variable (README). */
export function invitationLimits(env: Env = process.env): InvitationLimits {
  return {
    replacementsPerSlot: positiveInteger(
      env.INVITATION_REPLACEMENTS_PER_SLOT,
      DEFAULT_INVITATION_LIMITS.replacementsPerSlot,
    ),
    emailsPerApplicationPerDay: positiveInteger(
      env.INVITATION_EMAILS_PER_APPLICATION_PER_DAY,
      DEFAULT_INVITATION_LIMITS.emailsPerApplicationPerDay,
    ),
    emailsPerCandidatePerDay: positiveInteger(
      env.INVITATION_EMAILS_PER_CANDIDATE_PER_DAY,
      DEFAULT_INVITATION_LIMITS.emailsPerCandidatePerDay,
    ),
  }
}

const DAY_MS = 24 * 3600 * 1000
const EVER = new Date(0)

export const invitationBuckets = {
  replacement: 'recommendation-replacement',
  application: 'recommendation-invitation-application',
  candidate: 'recommendation-invitation-candidate',
} as const

const slotKey = (applicationId: string, slot: number) => `${applicationId}:${slot}`

type Scope = { applicationId: string; candidateUserId: string }

function refusal(limit: Limit, limits: InvitationLimits, establishmentName: string) {
  const contact = `contactez l’établissement (${establishmentName}), qui peut lever cette limite`
  switch (limit.bucket) {
    case invitationBuckets.replacement:
      return `Vous avez déjà remplacé ce recommandant ${limits.replacementsPerSlot} fois : pour désigner une autre personne, ${contact}.`
    case invitationBuckets.application:
      return `Trop de demandes de recommandation envoyées pour cette candidature (${limits.emailsPerApplicationPerDay} en 24 heures) : réessayez demain ou ${contact}.`
    default:
      return `Trop de demandes de recommandation envoyées depuis votre compte (${limits.emailsPerCandidatePerDay} en 24 heures) : réessayez demain ou ${contact}.`
  }
}

/**
 * Counts `emails` invitations (and one replacement in `replacementSlot`, when given) against
 * the limits, in the caller's transaction, or refuses with a French message saying what to do.
 */
export async function consumeInvitationAllowance(
  tx: Executor,
  params: Scope & {
    emails: number
    replacementSlot?: number
    establishmentName: string
    now?: Date
    limits?: InvitationLimits
  },
) {
  const now = params.now ?? new Date()
  const limits = params.limits ?? invitationLimits()
  const dayAgo = new Date(now.getTime() - DAY_MS)
  const checks: Limit[] = [
    {
      bucket: invitationBuckets.candidate,
      key: params.candidateUserId,
      max: limits.emailsPerCandidatePerDay,
      since: dayAgo,
      times: params.emails,
    },
    {
      bucket: invitationBuckets.application,
      key: params.applicationId,
      max: limits.emailsPerApplicationPerDay,
      since: dayAgo,
      times: params.emails,
    },
  ]
  if (params.replacementSlot !== undefined) {
    checks.unshift({
      bucket: invitationBuckets.replacement,
      key: slotKey(params.applicationId, params.replacementSlot),
      max: limits.replacementsPerSlot,
      since: EVER,
    })
  }
  const refused = await consume(tx, checks, now)
  if (refused) throw new UserFacingError(refusal(refused, limits, params.establishmentName))
}

/** The limits an application's candidate has reached, in French, for staff (empty when none). */
export async function reachedInvitationLimits(
  db: Executor,
  params: Scope & { now?: Date; limits?: InvitationLimits },
): Promise<string[]> {
  const now = params.now ?? new Date()
  const limits = params.limits ?? invitationLimits()
  const dayAgo = new Date(now.getTime() - DAY_MS)
  const reached: string[] = []
  for (const slot of await slotsOf(db, params.applicationId)) {
    if (
      (await countSince(
        db,
        invitationBuckets.replacement,
        slotKey(params.applicationId, slot),
        EVER,
      )) >= limits.replacementsPerSlot
    ) {
      reached.push(
        `Recommandant ${slot + 1} remplacé ${limits.replacementsPerSlot} fois : le candidat ne peut plus le remplacer.`,
      )
    }
  }
  if (
    (await countSince(db, invitationBuckets.application, params.applicationId, dayAgo)) >=
    limits.emailsPerApplicationPerDay
  ) {
    reached.push(
      `${limits.emailsPerApplicationPerDay} demandes de recommandation envoyées pour ce dossier en 24 heures : plus aucun envoi possible pour l’instant.`,
    )
  }
  if (
    (await countSince(db, invitationBuckets.candidate, params.candidateUserId, dayAgo)) >=
    limits.emailsPerCandidatePerDay
  ) {
    reached.push(
      `${limits.emailsPerCandidatePerDay} demandes de recommandation envoyées depuis le compte du candidat en 24 heures (tous dossiers confondus).`,
    )
  }
  return reached
}

async function slotsOf(db: Executor, applicationId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ slot: recommendationRequests.slot })
    .from(recommendationRequests)
    .where(eq(recommendationRequests.applicationId, applicationId))
  return rows.map((r) => r.slot).sort((a, b) => a - b)
}

/**
 * Staff lift the limits of an application of their establishment: its counted replacements
 * and invitations, and its candidate's, are forgotten; the audit log keeps who did it.
 */
export async function liftInvitationLimits(
  db: Database,
  params: {
    establishmentId: string
    applicationId: string
    actorUserId: string
    ip?: string | null
    userAgent?: string | null
  },
) {
  return db.transaction(async (tx) => {
    const [application] = await tx
      .select({ id: applications.id, candidateUserId: applications.candidateUserId })
      .from(applications)
      .where(
        and(
          eq(applications.id, params.applicationId),
          eq(applications.establishmentId, params.establishmentId),
        ),
      )
    if (!application) throw new UserFacingError('Candidature introuvable.')
    let cleared = 0
    for (const slot of await slotsOf(tx, application.id))
      cleared += await clear(tx, invitationBuckets.replacement, slotKey(application.id, slot))
    cleared += await clear(tx, invitationBuckets.application, application.id)
    cleared += await clear(tx, invitationBuckets.candidate, application.candidateUserId)
    await recordAudit(tx, {
      establishmentId: params.establishmentId,
      actorUserId: params.actorUserId,
      action: 'recommendation.limit_lifted',
      subjectType: 'application',
      subjectId: application.id,
      after: { clearedEvents: cleared },
      ip: params.ip ?? null,
      userAgent: params.userAgent ?? null,
    })
    return { cleared }
  })
}

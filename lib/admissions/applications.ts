import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  establishments,
  programmes,
  users,
  type Application,
} from '@/db/schema'
import { UserFacingError } from '@/lib/errors'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { loadInvitationContext } from '@/lib/recommendations/invitation-context'
import { consumeInvitationAllowance } from '@/lib/recommendations/invitation-limits'
import { createRecommendationRequest } from '@/lib/recommendations/requests'
import { searchable } from '@/lib/text'
import { activeStates, transition } from './application-status'
import { campaignPhase } from './campaigns'
import { missingItems, reviewCompleteness } from './completeness'
import { missingItemSentence } from './completeness-messages'
import type { ApplicationData, ApplicationDraft } from './schemas'
import { isUuid } from '@/lib/validation/uuid'

export async function campaignForApplication(db: Executor, campaignId: string) {
  if (!isUuid(campaignId)) return undefined
  const [row] = await db
    .select({
      id: admissionCampaigns.id,
      name: admissionCampaigns.name,
      description: admissionCampaigns.description,
      establishmentId: admissionCampaigns.establishmentId,
      opensAt: admissionCampaigns.opensAt,
      closesAt: admissionCampaigns.closesAt,
      requiredRecommendations: admissionCampaigns.requiredRecommendations,
      recommendationDeadline: admissionCampaigns.recommendationDeadline,
      programmeName: programmes.name,
      establishmentName: establishments.name,
    })
    .from(admissionCampaigns)
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, admissionCampaigns.establishmentId))
    .where(eq(admissionCampaigns.id, campaignId))
  return row
}
export type CampaignForApplication = NonNullable<Awaited<ReturnType<typeof campaignForApplication>>>

export async function candidateApplication(
  db: Executor,
  campaignId: string,
  userId: string,
): Promise<Application | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.campaignId, campaignId), eq(applications.candidateUserId, userId)))
  return row
}

/** How many live applications (wishes) the candidate has in the establishment, and the cap. */
export async function wishesUsed(db: Executor, userId: string, establishmentId: string) {
  const [row] = await db
    .select({
      max: establishments.maxApplicationsPerCandidate,
      live: sql<number>`(select count(*)::int from ${applications} where ${applications.candidateUserId} = ${userId} and ${applications.establishmentId} = ${establishmentId} and ${inArray(applications.status, activeStates)})`,
    })
    .from(establishments)
    .where(eq(establishments.id, establishmentId))
  return row ?? { max: 0, live: 0 }
}

/**
 * A candidate may have at most the establishment's cap of live applications (wishes) there.
 * Locking the candidate's user row serialises their submissions, so two at once cannot
 * both take the last place.
 */
async function assertUnderCap(tx: Executor, userId: string, establishmentId: string) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update')
  const row = await wishesUsed(tx, userId, establishmentId)
  if (row.live >= row.max) {
    throw new UserFacingError(
      `Vous avez déjà ${row.live} candidatures en cours dans cet établissement : c’est le maximum autorisé (${row.max}). Retirez-en une pour en déposer une autre.`,
    )
  }
}

const closedError = () =>
  new UserFacingError(
    'Cette campagne de candidature n’est pas ouverte : le dépôt n’est plus possible.',
  )

function draftColumns(draft: ApplicationDraft) {
  const year =
    draft.graduationYear === undefined || draft.graduationYear === ''
      ? null
      : Number(draft.graduationYear)
  return {
    civility: draft.civility || null,
    firstName: draft.firstName || null,
    lastName: draft.lastName || null,
    birthDate:
      draft.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate) ? draft.birthDate : null,
    phone: draft.phone || null,
    addressLine: draft.addressLine || null,
    postalCode: draft.postalCode || null,
    city: draft.city || null,
    country: draft.country || null,
    diploma: draft.diploma || null,
    currentEstablishment: draft.currentEstablishment || null,
    specialty: draft.specialty || null,
    graduationYear:
      year !== null && Number.isInteger(year) && year > 1900 && year < 2200 ? year : null,
    motivation: draft.motivation || null,
    draftRecommenders: draft.recommenders ?? [],
    searchText: searchable(draft.firstName, draft.lastName),
  }
}

/**
 * Saves the candidate's draft (created on first save). Only a draft can be saved, only
 * while the campaign is open; the row is always the signed-in candidate's own.
 */
export async function saveApplicationDraft(
  db: Executor,
  params: {
    campaign: CampaignForApplication
    user: { id: string; email: string }
    draft: ApplicationDraft
    now?: Date
  },
) {
  const now = params.now ?? new Date()
  if (campaignPhase(params.campaign, now) !== 'open') throw closedError()
  const columns = draftColumns(params.draft)
  const rows = await db
    .insert(applications)
    .values({
      establishmentId: params.campaign.establishmentId,
      campaignId: params.campaign.id,
      candidateUserId: params.user.id,
      email: params.user.email,
      ...columns,
      searchText: searchable(columns.firstName, columns.lastName, params.user.email),
    })
    .onConflictDoUpdate({
      target: [applications.campaignId, applications.candidateUserId],
      set: {
        ...columns,
        searchText: searchable(columns.firstName, columns.lastName, params.user.email),
        updatedAt: now,
      },
      setWhere: eq(applications.status, 'draft'),
    })
    .returning({ id: applications.id, updatedAt: applications.updatedAt })
  if (rows.length === 0)
    throw new UserFacingError(
      'Cette candidature est déjà déposée : elle ne peut plus être modifiée.',
    )
  return rows[0]!
}

/**
 * Submits the application: in one transaction, the application becomes "déposée", one
 * request with its own link goes to each recommender, the emails are queued and the audit
 * written. Submitting twice (double click, replayed request) changes nothing the second time.
 */
export async function submitApplication(
  db: Database,
  params: {
    campaignId: string
    user: { id: string; email: string }
    data: ApplicationData
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
): Promise<{ applicationId: string; alreadySubmitted: boolean }> {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(admissionCampaigns)
      .where(eq(admissionCampaigns.id, params.campaignId))
      .for('share')
    if (!campaign) throw new UserFacingError('Campagne introuvable.')
    const existing = await candidateApplication(tx, campaign.id, params.user.id)
    if (existing && existing.status !== 'draft') {
      if (existing.status !== 'withdrawn' && existing.status !== 'auto_withdrawn')
        return { applicationId: existing.id, alreadySubmitted: true }
      throw new UserFacingError('Cette candidature a été retirée : elle ne peut plus être déposée.')
    }
    if (campaignPhase(campaign, now) !== 'open') throw closedError()
    if (params.data.recommenders.length !== campaign.requiredRecommendations) {
      throw new UserFacingError(`Indiquez ${campaign.requiredRecommendations} recommandant(s).`, {
        recommenders: [`Indiquez ${campaign.requiredRecommendations} recommandant(s).`],
      })
    }

    const blockers = (await missingItems(tx, existing?.id, campaign.id)).map(missingItemSentence)
    if (blockers.length > 0)
      throw new UserFacingError(`Votre dossier n’est pas complet : ${blockers.join(' ')}`, {
        documents: blockers,
      })
    await assertUnderCap(tx, params.user.id, campaign.establishmentId)

    // The state machine decides here too (draft → submitted, by the candidate); the write
    // below carries its own status condition so that a concurrent second submission is a no-op.
    transition(existing?.status ?? 'draft', 'submitted', 'candidate')
    const { recommenders, ...fields } = params.data
    const values = {
      ...fields,
      draftRecommenders: recommenders,
      searchText: searchable(fields.firstName, fields.lastName, params.user.email),
      status: 'submitted' as const,
      submittedAt: now,
    }
    await tx
      .insert(applications)
      .values({
        establishmentId: campaign.establishmentId,
        campaignId: campaign.id,
        candidateUserId: params.user.id,
        email: params.user.email,
      })
      .onConflictDoNothing({ target: [applications.campaignId, applications.candidateUserId] })
    // The status condition makes a concurrent second submission update nothing.
    const updated = await tx
      .update(applications)
      .set({ ...values, updatedAt: now })
      .where(
        and(
          eq(applications.campaignId, campaign.id),
          eq(applications.candidateUserId, params.user.id),
          eq(applications.status, 'draft'),
        ),
      )
      .returning({ id: applications.id })
    if (updated.length === 0) {
      const again = await candidateApplication(tx, campaign.id, params.user.id)
      return { applicationId: again!.id, alreadySubmitted: true }
    }
    const applicationId = updated[0]!.id

    const context = await loadInvitationContext(tx, applicationId)
    if (recommenders.length > 0) {
      await consumeInvitationAllowance(tx, {
        applicationId,
        candidateUserId: params.user.id,
        emails: recommenders.length,
        establishmentName: context.establishmentName,
        now,
      })
    }
    for (const [slot, recommender] of recommenders.entries()) {
      await createRecommendationRequest(tx, { applicationId, slot, recommender, context })
    }
    await enqueueEmail(tx, {
      template: 'application-submitted',
      to: params.user.email,
      establishmentId: campaign.establishmentId,
      props: {
        candidateName: fields.firstName,
        programmeName: context.programmeName,
        establishmentName: context.establishmentName,
        recommenders: recommenders.map((r) => ({ name: r.name, position: r.position })),
        deadline: formatDate(campaign.recommendationDeadline),
        dashboardUrl: `${appUrl()}/espace`,
      },
    })
    await recordAudit(tx, {
      establishmentId: campaign.establishmentId,
      actorUserId: params.user.id,
      action: 'application.submitted',
      subjectType: 'application',
      subjectId: applicationId,
      before: { status: 'draft' },
      after: { status: 'submitted', recommenders: recommenders.length },
      ip: params.ip ?? null,
      userAgent: params.userAgent ?? null,
    })
    // Nothing left to check (no document, no recommendation asked): complete at once.
    await reviewCompleteness(tx, applicationId, { now })
    return { applicationId, alreadySubmitted: false }
  })
}

import { and, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db'
import { applications, auditLog, emailOutbox, recommendationRequests } from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createMember,
  createUser,
} from '@/db/test/factories'
import { submitApplication } from '@/lib/admissions/applications'
import { applicationSchema } from '@/lib/admissions/schemas'
import { replaceRecommender, resendInvitation } from './candidate-actions'
import {
  DEFAULT_INVITATION_LIMITS,
  invitationLimits,
  liftInvitationLimits,
  reachedInvitationLimits,
} from './invitation-limits'

const DAY = 86_400_000
const MINUTE = 60_000

afterEach(() => {
  vi.unstubAllEnvs()
})

async function submitted(
  establishmentId: string,
  candidate: { id: string; email: string },
  now = new Date(),
) {
  const { campaign } = await createCampaign(db, establishmentId)
  const data = applicationSchema(2, candidate.email).parse(applicationFormData())
  const { applicationId } = await submitApplication(db, {
    campaignId: campaign.id,
    user: candidate,
    data,
    now,
  })
  const requests = await db
    .select()
    .from(recommendationRequests)
    .where(eq(recommendationRequests.applicationId, applicationId))
    .orderBy(recommendationRequests.slot)
  return { campaign, applicationId, requests, data }
}

async function scenario() {
  const establishment = await createEstablishment(db)
  const candidate = await createUser(db)
  return { establishment, candidate, ...(await submitted(establishment.id, candidate)) }
}

const someone = () => ({
  name: 'Paul Henry',
  position: 'Professeur',
  email: `paul-${crypto.randomUUID().slice(0, 8)}@ac-toulouse.fr`,
})
const invitationsTo = (email: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'recommendation-invitation')),
    )

/** Replaces the current recommender of a slot; returns the new request. */
async function replace(
  candidate: { id: string; email: string },
  requestId: string,
  now?: Date,
  recommender = someone(),
) {
  return replaceRecommender(db, {
    userId: candidate.id,
    candidateEmail: candidate.email,
    requestId,
    recommender,
    now,
  })
}

describe('invitation limits', () => {
  it('are set in one place and can be changed by environment variables', () => {
    expect(invitationLimits({})).toEqual(DEFAULT_INVITATION_LIMITS)
    expect(
      invitationLimits({
        INVITATION_REPLACEMENTS_PER_SLOT: '5',
        INVITATION_EMAILS_PER_APPLICATION_PER_DAY: 'beaucoup',
        INVITATION_EMAILS_PER_CANDIDATE_PER_DAY: '0',
      }),
    ).toEqual({
      ...DEFAULT_INVITATION_LIMITS,
      replacementsPerSlot: 5,
    })
  })

  it('refuse a fourth replacement in the same slot, in French, and email no one', async () => {
    const { candidate, requests } = await scenario()
    let current = requests[1]!
    for (let i = 0; i < DEFAULT_INVITATION_LIMITS.replacementsPerSlot; i++)
      current = await replace(candidate, current.id)
    const fourth = someone()
    await expect(replace(candidate, current.id, undefined, fourth)).rejects.toThrow(
      /déjà remplacé ce recommandant 3 fois : pour désigner une autre personne, contactez l’établissement/,
    )
    expect(await invitationsTo(fourth.email)).toHaveLength(0)
    const [still] = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.id, current.id))
    expect(still!.status).not.toBe('revoked')
    // The other slot has its own allowance.
    await expect(replace(candidate, requests[0]!.id)).resolves.toMatchObject({ slot: 0 })
  })

  it('cap the invitation emails of an application over any 24 hours, resends included', async () => {
    vi.stubEnv('INVITATION_EMAILS_PER_APPLICATION_PER_DAY', '4')
    const start = Date.now()
    const { candidate, requests } = await scenario() // 2 invitations
    await resendInvitation(db, {
      userId: candidate.id,
      requestId: requests[0]!.id,
      now: new Date(start + MINUTE),
    }) // 3
    const replaced = await replace(candidate, requests[1]!.id, new Date(start + 2 * MINUTE)) // 4
    const blocked = someone()
    await expect(
      replace(candidate, requests[0]!.id, new Date(start + 3 * MINUTE), blocked),
    ).rejects.toThrow(
      /pour cette candidature \(4 en 24 heures\) : réessayez demain ou contactez l’établissement/,
    )
    await expect(
      resendInvitation(db, {
        userId: candidate.id,
        requestId: replaced.id,
        now: new Date(start + 3 * MINUTE),
      }),
    ).rejects.toThrow(/4 en 24 heures/)
    expect(await invitationsTo(blocked.email)).toHaveLength(0)
    // A day after the submission its two invitations no longer count.
    await expect(
      replace(candidate, requests[0]!.id, new Date(start + DAY + 90_000), blocked),
    ).resolves.toMatchObject({ slot: 0 })
    expect(await invitationsTo(blocked.email)).toHaveLength(1)
  })

  it('count per candidate account too: a new application does not start afresh', async () => {
    vi.stubEnv('INVITATION_EMAILS_PER_CANDIDATE_PER_DAY', '3')
    const { establishment, candidate, applicationId } = await scenario() // 2 invitations
    const { campaign } = await createCampaign(db, establishment.id)
    const data = applicationSchema(2, candidate.email).parse(applicationFormData())
    await expect(
      submitApplication(db, { campaignId: campaign.id, user: candidate, data }),
    ).rejects.toThrow(/depuis votre compte \(3 en 24 heures\)/)
    const [second] = await db
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.campaignId, campaign.id),
          eq(applications.candidateUserId, candidate.id),
        ),
      )
    expect(second?.status ?? 'none').not.toBe('submitted')
    expect(await invitationsTo(data.recommenders[0]!.email)).toHaveLength(0)

    const coordinator = await createMember(db, establishment.id, 'coordinator')
    await liftInvitationLimits(db, {
      establishmentId: establishment.id,
      applicationId,
      actorUserId: coordinator.id,
    })
    await expect(
      submitApplication(db, { campaignId: campaign.id, user: candidate, data }),
    ).resolves.toMatchObject({ alreadySubmitted: false })
    expect(await invitationsTo(data.recommenders[0]!.email)).toHaveLength(1)
  })

  it('are shown to staff, who can lift them for an application of their establishment, on record', async () => {
    const { establishment, candidate, applicationId, requests } = await scenario()
    const scope = { applicationId, candidateUserId: candidate.id }
    expect(await reachedInvitationLimits(db, scope)).toEqual([])
    let current = requests[0]!
    for (let i = 0; i < 3; i++) current = await replace(candidate, current.id)
    expect(await reachedInvitationLimits(db, scope)).toEqual([
      'Recommandant 1 remplacé 3 fois : le candidat ne peut plus le remplacer.',
    ])

    const other = await createEstablishment(db)
    const stranger = await createMember(db, other.id, 'coordinator')
    await expect(
      liftInvitationLimits(db, {
        establishmentId: other.id,
        applicationId,
        actorUserId: stranger.id,
      }),
    ).rejects.toThrow('Candidature introuvable.')
    expect(await reachedInvitationLimits(db, scope)).toHaveLength(1)

    const coordinator = await createMember(db, establishment.id, 'coordinator')
    await liftInvitationLimits(db, {
      establishmentId: establishment.id,
      applicationId,
      actorUserId: coordinator.id,
    })
    expect(await reachedInvitationLimits(db, scope)).toEqual([])
    await expect(replace(candidate, current.id)).resolves.toMatchObject({ slot: 0 })
    const entries = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectId, applicationId),
          eq(auditLog.action, 'recommendation.limit_lifted'),
        ),
      )
    expect(entries).toHaveLength(1)
    expect(entries[0]!.actorUserId).toBe(coordinator.id)
  })
})

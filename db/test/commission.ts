import { eq } from 'drizzle-orm'
import { db } from '@/db'
import { applications, decisionMotivations, reviewCriteria } from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createMember,
  createUser,
} from './factories'
import { submitApplication } from '@/lib/admissions/applications'
import { enterDecisions, type DecisionInput } from '@/lib/admissions/decision-entry'
import { publishDecisions } from '@/lib/admissions/decision-publication'
import { applicationSchema } from '@/lib/admissions/schemas'

// A commission ready to work, shared by the review, decision and reminder integration tests.

/** A campaign with a one-criterion grid, a motivation, a coordinator, two reviewers and submitted files. */
export async function commission(candidates = 3) {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, { requiredRecommendations: 0 })
  const [criterion] = await db
    .insert(reviewCriteria)
    .values({ campaignId: campaign.id, position: 0, label: 'Dossier', scaleMax: 20, weight: 1 })
    .returning()
  const [motivation] = await db
    .insert(decisionMotivations)
    .values({ establishmentId: establishment.id, label: 'Capacité d’accueil atteinte' })
    .returning()
  const coordinator = await createMember(db, establishment.id, 'coordinator')
  const reviewers = [
    await createMember(db, establishment.id, 'reviewer'),
    await createMember(db, establishment.id, 'reviewer'),
  ]
  const files = []
  for (let i = 0; i < candidates; i++) {
    const user = await createUser(db)
    const { applicationId } = await submitApplication(db, {
      campaignId: campaign.id,
      user: { id: user.id, email: user.email },
      data: applicationSchema(0, user.email).parse(
        applicationFormData({ lastName: `Candidat-${i}` }, 0),
      ),
    })
    files.push({ user, applicationId })
  }
  const scope = { establishmentId: establishment.id }
  const actor = { establishmentId: establishment.id, actorUserId: coordinator.id }
  return {
    establishment,
    campaign,
    criterion: criterion!,
    motivation: motivation!,
    coordinator,
    reviewers,
    files,
    scope,
    actor,
  }
}

export type Commission = Awaited<ReturnType<typeof commission>>

// The coordinator enters decisions on the commission's campaign, then publishes them.
export const decide = (c: Commission, decisions: DecisionInput[]) =>
  enterDecisions(db, {
    scope: c.scope,
    actorUserId: c.coordinator.id,
    campaignId: c.campaign.id,
    decisions,
  })
export const publish = (c: Commission, now?: Date) =>
  publishDecisions(db, {
    scope: c.scope,
    actorUserId: c.coordinator.id,
    campaignId: c.campaign.id,
    now,
  })

export const statusOf = async (id: string) =>
  (
    await db.select({ s: applications.status }).from(applications).where(eq(applications.id, id))
  )[0]!.s

/** Puts every file of the commission's campaign under review, as if started by hand. */
export async function underReview(c: Commission) {
  await db
    .update(applications)
    .set({ status: 'under_review' })
    .where(eq(applications.campaignId, c.campaign.id))
}

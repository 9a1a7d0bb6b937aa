import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  programmes,
  recommendationQuestions,
  recommendationRequests,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { parisDateToInstant } from '@/lib/paris-time'
import { questionsLocked } from '@/lib/recommendations/questions'
import type { campaignSettingsSchema, questionSchema } from './campaign-schemas'
import type { decisionSettingsSchema } from './review-schemas'
import type { z } from 'zod'
import { isUuid } from '@/lib/validation/uuid'
import type { Actor } from '@/lib/auth/actor'

/** The campaign if it belongs to the establishment; otherwise "not found" (never another school's). */
export async function campaignOf(db: Executor, establishmentId: string, campaignId: string) {
  if (!isUuid(campaignId)) return undefined
  const [row] = await db
    .select({ campaign: admissionCampaigns, programmeName: programmes.name })
    .from(admissionCampaigns)
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .where(
      and(
        eq(admissionCampaigns.id, campaignId),
        eq(admissionCampaigns.establishmentId, establishmentId),
      ),
    )
  return row
}

/** The form's name, dates (Paris days: opening at 00:00, closings at 23:59:59) and recommenders, as columns. */
export function campaignValues(input: z.output<typeof campaignSettingsSchema>) {
  return {
    name: input.name,
    description: input.description || null,
    opensAt: parisDateToInstant(input.opensOn, 'start'),
    closesAt: parisDateToInstant(input.closesOn, 'end'),
    recommendationDeadline: parisDateToInstant(input.recommendationDeadlineOn, 'end'),
    requiredRecommendations: input.requiredRecommendations,
  }
}

/**
 * Saves dates and the number of recommenders. A new recommendation deadline moves the
 * expiry of every live request of the campaign in the same transaction.
 */
export async function updateCampaignSettings(
  db: Database,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof campaignSettingsSchema>,
) {
  await db.transaction(async (tx) => {
    const found = await campaignOf(tx, actor.establishmentId, campaignId)
    if (!found) throw new UserFacingError('Campagne introuvable.')
    const values = campaignValues(input)
    await tx
      .update(admissionCampaigns)
      .set(values)
      .where(
        and(
          eq(admissionCampaigns.id, campaignId),
          eq(admissionCampaigns.establishmentId, actor.establishmentId),
        ),
      )
    if (
      values.recommendationDeadline.getTime() !== found.campaign.recommendationDeadline.getTime()
    ) {
      const appIds = tx
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.campaignId, campaignId))
      await tx
        .update(recommendationRequests)
        .set({ expiresAt: values.recommendationDeadline })
        .where(
          and(
            inArray(recommendationRequests.applicationId, appIds),
            ne(recommendationRequests.status, 'revoked'),
          ),
        )
    }
    const before = found.campaign
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.updated',
      subjectType: 'campaign',
      subjectId: campaignId,
      before: {
        opensAt: before.opensAt,
        closesAt: before.closesAt,
        recommendationDeadline: before.recommendationDeadline,
        requiredRecommendations: before.requiredRecommendations,
      },
      after: values,
    })
  })
}

async function unlockedCampaign(tx: Executor, actor: Actor, campaignId: string) {
  const found = await campaignOf(tx, actor.establishmentId, campaignId)
  if (!found) throw new UserFacingError('Campagne introuvable.')
  if (await questionsLocked(tx, campaignId)) {
    throw new UserFacingError(
      'Le questionnaire est verrouillé : une recommandation a déjà été transmise avec ces questions.',
    )
  }
  return found
}

const questionOf = (campaignId: string, questionId: string) =>
  and(
    eq(recommendationQuestions.id, questionId),
    eq(recommendationQuestions.campaignId, campaignId),
  )

export async function addQuestion(
  db: Database,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof questionSchema>,
) {
  await db.transaction(async (tx) => {
    await unlockedCampaign(tx, actor, campaignId)
    const existing = await tx
      .select({ position: recommendationQuestions.position })
      .from(recommendationQuestions)
      .where(eq(recommendationQuestions.campaignId, campaignId))
    if (existing.length >= 30) throw new UserFacingError('30 questions au plus.')
    const position = existing.reduce((max, q) => Math.max(max, q.position + 1), 0)
    await tx.insert(recommendationQuestions).values({
      campaignId,
      kind: input.kind,
      label: input.label,
      help: input.help || null,
      required: input.required,
      position,
    })
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.question_added',
      subjectType: 'campaign',
      subjectId: campaignId,
      after: input,
    })
  })
}

export async function updateQuestion(
  db: Database,
  actor: Actor,
  campaignId: string,
  questionId: string,
  input: z.output<typeof questionSchema>,
) {
  await db.transaction(async (tx) => {
    await unlockedCampaign(tx, actor, campaignId)
    const updated = await tx
      .update(recommendationQuestions)
      .set({
        kind: input.kind,
        label: input.label,
        help: input.help || null,
        required: input.required,
      })
      .where(questionOf(campaignId, questionId))
      .returning({ id: recommendationQuestions.id })
    if (updated.length === 0) throw new UserFacingError('Question introuvable.')
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.question_updated',
      subjectType: 'campaign',
      subjectId: campaignId,
      after: { questionId, ...input },
    })
  })
}

export async function removeQuestion(
  db: Database,
  actor: Actor,
  campaignId: string,
  questionId: string,
) {
  await db.transaction(async (tx) => {
    await unlockedCampaign(tx, actor, campaignId)
    const removed = await tx
      .delete(recommendationQuestions)
      .where(questionOf(campaignId, questionId))
      .returning({ label: recommendationQuestions.label })
    if (removed.length === 0) throw new UserFacingError('Question introuvable.')
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.question_removed',
      subjectType: 'campaign',
      subjectId: campaignId,
      before: { questionId, label: removed[0]!.label },
    })
  })
}

/** Moves a question one place up or down (swaps positions with its neighbour). */
export async function moveQuestion(
  db: Database,
  actor: Actor,
  campaignId: string,
  questionId: string,
  direction: 'up' | 'down',
) {
  await db.transaction(async (tx) => {
    await unlockedCampaign(tx, actor, campaignId)
    const list = await tx
      .select()
      .from(recommendationQuestions)
      .where(eq(recommendationQuestions.campaignId, campaignId))
      .orderBy(asc(recommendationQuestions.position))
      .for('update')
    const index = list.findIndex((q) => q.id === questionId)
    if (index === -1) throw new UserFacingError('Question introuvable.')
    const neighbour = list[direction === 'up' ? index - 1 : index + 1]
    if (!neighbour) return
    const current = list[index]!
    await tx
      .update(recommendationQuestions)
      .set({ position: neighbour.position })
      .where(eq(recommendationQuestions.id, current.id))
    await tx
      .update(recommendationQuestions)
      .set({ position: current.position })
      .where(eq(recommendationQuestions.id, neighbour.id))
  })
}

/** The answer delay for admitted candidates and the decision email template. */
export async function updateDecisionSettings(
  db: Database,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof decisionSettingsSchema>,
) {
  await db.transaction(async (tx) => {
    const found = await campaignOf(tx, actor.establishmentId, campaignId)
    if (!found) throw new UserFacingError('Campagne introuvable.')
    const values = {
      responseDays: input.responseDays,
      responseDeadline: input.responseDeadlineOn
        ? parisDateToInstant(input.responseDeadlineOn, 'end')
        : null,
      decisionEmailSubject: input.decisionEmailSubject,
      decisionEmailBody: input.decisionEmailBody,
    }
    await tx
      .update(admissionCampaigns)
      .set(values)
      .where(
        and(
          eq(admissionCampaigns.id, campaignId),
          eq(admissionCampaigns.establishmentId, actor.establishmentId),
        ),
      )
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.decision_settings_updated',
      subjectType: 'campaign',
      subjectId: campaignId,
      before: {
        responseDays: found.campaign.responseDays,
        responseDeadline: found.campaign.responseDeadline,
      },
      after: { responseDays: values.responseDays, responseDeadline: values.responseDeadline },
    })
  })
}

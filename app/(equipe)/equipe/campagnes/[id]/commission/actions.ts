'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { enterDecisions } from '@/lib/admissions/decision-entry'
import { publishDecisions } from '@/lib/admissions/decision-publication'
import {
  assignEvenlySchema,
  assignReviewerSchema,
  bulkDecisionSchema,
} from '@/lib/admissions/review-schemas'
import { assignEvenly, assignReviewer, unassignReviewer } from '@/lib/admissions/review-assignments'
import { startReview } from '@/lib/admissions/review-start'
import { staffAction } from '@/lib/auth/action-clients'

// The commission's work on a campaign. Each action asks for its own right: assigning and
// starting the review (applications.manage), entering decisions (decisions.enter),
// publishing them (decisions.publish). The lib carries the staff scope in every query.
const done = (campaignId: string) => revalidatePath(`/equipe/campagnes/${campaignId}/commission`)

export const assignEvenlyAction = staffAction(
  'applications.manage',
  assignEvenlySchema,
  async ({ campaignId, reviewerIds, perFile }, { actor }) => {
    const result = await assignEvenly(db, actor, { campaignId, reviewerIds, perFile })
    done(campaignId)
    return result
  },
)

export const assignReviewerAction = staffAction(
  'applications.manage',
  assignReviewerSchema,
  async ({ campaignId, applicationIds, reviewerId }, { actor }) => {
    const result = await assignReviewer(db, actor, { applicationIds, reviewerId })
    done(campaignId)
    return result
  },
)

export const unassignReviewerAction = staffAction(
  'applications.manage',
  z.object({
    campaignId: z.uuid(),
    applicationId: z.uuid('Candidature introuvable.'),
    reviewerId: assignReviewerSchema.shape.reviewerId,
  }),
  async ({ campaignId, applicationId, reviewerId }, { actor }) => {
    await unassignReviewer(db, actor, { applicationId, reviewerId })
    done(campaignId)
  },
)

export const startReviewAction = staffAction(
  'applications.manage',
  z.object({
    campaignId: z.uuid(),
    applicationIds: z.array(z.uuid()).min(1, 'Sélectionnez au moins une candidature.'),
  }),
  async ({ campaignId, applicationIds }, { scope, actor }) => {
    const result = await startReview(db, {
      scope,
      actorUserId: actor.actorUserId,
      applicationIds,
    })
    done(campaignId)
    return result
  },
)

export const enterDecisionsAction = staffAction(
  'decisions.enter',
  bulkDecisionSchema,
  async (
    { campaignId, applicationIds, outcome, motivationId, motivationText },
    { scope, actor },
  ) => {
    const entered = await enterDecisions(db, {
      scope,
      actorUserId: actor.actorUserId,
      campaignId,
      decisions: applicationIds.map((applicationId) => ({
        applicationId,
        outcome,
        motivationId: motivationId || null,
        motivationText,
      })),
    })
    done(campaignId)
    return { entered: entered.length }
  },
)

export const publishDecisionsAction = staffAction(
  'decisions.publish',
  z.object({ campaignId: z.uuid() }),
  async ({ campaignId }, { scope, actor }) => {
    const result = await publishDecisions(db, {
      scope,
      actorUserId: actor.actorUserId,
      campaignId,
    })
    done(campaignId)
    return result
  },
)

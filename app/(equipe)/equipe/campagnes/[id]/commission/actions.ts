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
import { staffScope } from '@/lib/admissions/staff-scope'
import { validatedAction } from '@/lib/auth/action'
import { rolesFor, type Permission } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'

// The commission's work on a campaign. Each action asks for its own right: assigning and
// starting the review (applications.manage), entering decisions (decisions.enter),
// publishing them (decisions.publish). The lib carries the staff scope in every query.
async function allowed(permission: Permission) {
  const { membership, viewer } = await authorize(rolesFor(permission))
  return {
    scope: staffScope(viewer.memberships, membership.establishmentId, viewer.user.id),
    actorUserId: viewer.user.id,
    establishmentId: membership.establishmentId,
  }
}
const done = (campaignId: string) => revalidatePath(`/equipe/campagnes/${campaignId}/commission`)

export const assignEvenlyAction = validatedAction(
  assignEvenlySchema,
  async ({ campaignId, reviewerIds, perFile }) => {
    const { actorUserId, establishmentId } = await allowed('applications.manage')
    const result = await assignEvenly(
      db,
      { establishmentId, actorUserId },
      { campaignId, reviewerIds, perFile },
    )
    done(campaignId)
    return result
  },
)

export const assignReviewerAction = validatedAction(
  assignReviewerSchema,
  async ({ campaignId, applicationIds, reviewerId }) => {
    const { actorUserId, establishmentId } = await allowed('applications.manage')
    const result = await assignReviewer(
      db,
      { establishmentId, actorUserId },
      { applicationIds, reviewerId },
    )
    done(campaignId)
    return result
  },
)

export const unassignReviewerAction = validatedAction(
  z.object({
    campaignId: z.uuid(),
    applicationId: z.uuid('Candidature introuvable.'),
    reviewerId: assignReviewerSchema.shape.reviewerId,
  }),
  async ({ campaignId, applicationId, reviewerId }) => {
    const { actorUserId, establishmentId } = await allowed('applications.manage')
    await unassignReviewer(db, { establishmentId, actorUserId }, { applicationId, reviewerId })
    done(campaignId)
  },
)

export const startReviewAction = validatedAction(
  z.object({
    campaignId: z.uuid(),
    applicationIds: z.array(z.uuid()).min(1, 'Sélectionnez au moins une candidature.'),
  }),
  async ({ campaignId, applicationIds }) => {
    const { scope, actorUserId } = await allowed('applications.manage')
    const result = await startReview(db, { scope, actorUserId, applicationIds })
    done(campaignId)
    return result
  },
)

export const enterDecisionsAction = validatedAction(
  bulkDecisionSchema,
  async ({ campaignId, applicationIds, outcome, motivationId, motivationText }) => {
    const { scope, actorUserId } = await allowed('decisions.enter')
    const entered = await enterDecisions(db, {
      scope,
      actorUserId,
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

export const publishDecisionsAction = validatedAction(
  z.object({ campaignId: z.uuid() }),
  async ({ campaignId }) => {
    const { scope, actorUserId } = await allowed('decisions.publish')
    const result = await publishDecisions(db, { scope, actorUserId, campaignId })
    done(campaignId)
    return result
  },
)

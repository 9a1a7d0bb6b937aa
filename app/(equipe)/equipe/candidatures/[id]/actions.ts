'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { reviewDocument } from '@/lib/admissions/documents'
import { documentVerdictSchema, reviewFormSchema } from '@/lib/admissions/review-schemas'
import { saveReview } from '@/lib/admissions/review-scoring'
import { staffScope } from '@/lib/admissions/staff-scope'
import { validatedAction } from '@/lib/auth/action'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { liftInvitationLimits } from '@/lib/recommendations/invitation-limits'
import { requestContext } from '@/lib/http/request-context'

// Staff actions on one application. Each authorizes on its own; the lib functions carry the
// staff scope (establishment, and assignment for reviewers) in their WHERE.
async function manager() {
  const { membership, viewer } = await authorize(rolesFor('applications.manage'))
  return {
    scope: staffScope(viewer.memberships, membership.establishmentId, viewer.user.id),
    actorUserId: viewer.user.id,
  }
}

export const reviewDocumentAction = validatedAction(
  z.object({ applicationId: z.uuid() }).and(documentVerdictSchema),
  async ({ applicationId, documentId, verdict, reason }) => {
    const { scope, actorUserId } = await manager()
    await reviewDocument(db, { scope, actorUserId, documentId, verdict, reason })
    revalidatePath(`/equipe/candidatures/${applicationId}`)
  },
)

// A reviewer's (or a coordinator's) own scores on a file assigned to them.
export const saveReviewAction = validatedAction(
  reviewFormSchema,
  async ({ applicationId, scores, comment, finish }) => {
    const { membership, viewer } = await authorize(rolesFor('reviews.score'))
    const values = Object.fromEntries(
      Object.entries(scores).map(([k, v]) => [k, v === '' || v === undefined ? null : v]),
    )
    const result = await saveReview(db, {
      reviewerId: viewer.user.id,
      establishmentId: membership.establishmentId,
      applicationId,
      scores: values,
      comment,
      finish,
    })
    revalidatePath(`/equipe/candidatures/${applicationId}`)
    return result
  },
)

// Lifts a candidate's limits on recommender invitations and replacements (on record).
export const liftInvitationLimitsAction = validatedAction(
  z.object({ applicationId: z.uuid('Candidature introuvable.') }),
  async ({ applicationId }) => {
    const { membership, viewer } = await authorize(rolesFor('recommendations.lift-limit'))
    await liftInvitationLimits(db, {
      establishmentId: membership.establishmentId,
      applicationId,
      actorUserId: viewer.user.id,
      ...(await requestContext()),
    })
    revalidatePath(`/equipe/candidatures/${applicationId}`)
  },
)

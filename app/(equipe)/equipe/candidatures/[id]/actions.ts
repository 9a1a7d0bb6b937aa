'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { reviewDocument } from '@/lib/admissions/documents'
import { documentVerdictSchema, reviewFormSchema } from '@/lib/admissions/review-schemas'
import { saveReview } from '@/lib/admissions/review-scoring'
import { staffAction } from '@/lib/auth/action-clients'
import { liftInvitationLimits } from '@/lib/recommendations/invitation-limits'
import { requestContext } from '@/lib/http/request-context'

// Staff actions on one application; the lib functions carry the staff scope (establishment,
// and assignment for reviewers) in their WHERE.
const done = (applicationId: string) => revalidatePath(`/equipe/candidatures/${applicationId}`)

export const reviewDocumentAction = staffAction(
  'applications.manage',
  z.object({ applicationId: z.uuid() }).and(documentVerdictSchema),
  async ({ applicationId, documentId, verdict, reason }, { scope, actor }) => {
    await reviewDocument(db, {
      scope,
      actorUserId: actor.actorUserId,
      documentId,
      verdict,
      reason,
    })
    done(applicationId)
  },
)

// A reviewer's (or a coordinator's) own scores on a file assigned to them.
export const saveReviewAction = staffAction(
  'reviews.score',
  reviewFormSchema,
  async ({ applicationId, scores, comment, finish }, { actor, establishmentId }) => {
    const values = Object.fromEntries(
      Object.entries(scores).map(([k, v]) => [k, v === '' || v === undefined ? null : v]),
    )
    const result = await saveReview(db, {
      reviewerId: actor.actorUserId,
      establishmentId,
      applicationId,
      scores: values,
      comment,
      finish,
    })
    done(applicationId)
    return result
  },
)

// Lifts a candidate's limits on recommender invitations and replacements (on record).
export const liftInvitationLimitsAction = staffAction(
  'recommendations.lift-limit',
  z.object({ applicationId: z.uuid('Candidature introuvable.') }),
  async ({ applicationId }, { actor }) => {
    await liftInvitationLimits(db, { ...actor, applicationId, ...(await requestContext()) })
    done(applicationId)
  },
)

'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { recommenderSchema } from '@/lib/admissions/schemas'
import { candidateAction } from '@/lib/auth/action-clients'
import { replaceRecommender, resendInvitation } from '@/lib/recommendations/candidate-actions'

// A candidate's recommenders; the lib checks the request is theirs.
const requestId = z.object({ requestId: z.uuid('Demande introuvable.') })

export const resendInvitationAction = candidateAction(
  requestId,
  async ({ requestId }, { user }) => {
    await resendInvitation(db, { userId: user.id, requestId })
    revalidatePath('/espace')
  },
)

export const replaceRecommenderAction = candidateAction(
  recommenderSchema.extend(requestId.shape),
  async ({ requestId, ...recommender }, { user }) => {
    await replaceRecommender(db, {
      userId: user.id,
      candidateEmail: user.email,
      requestId,
      recommender,
    })
    revalidatePath('/espace')
  },
)

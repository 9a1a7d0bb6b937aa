'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { recommenderSchema } from '@/lib/admissions/schemas'
import { validatedAction } from '@/lib/auth/action'
import { getViewer } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { replaceRecommender, resendInvitation } from '@/lib/recommendations/candidate-actions'

async function candidate() {
  const viewer = await getViewer()
  if (!viewer) throw new AuthorizationError('signed-out')
  return viewer.user
}

const requestId = z.object({ requestId: z.uuid('Demande introuvable.') })

export const resendInvitationAction = validatedAction(requestId, async ({ requestId }) => {
  const user = await candidate()
  await resendInvitation(db, { userId: user.id, requestId })
  revalidatePath('/espace')
})

export const replaceRecommenderAction = validatedAction(
  recommenderSchema.extend(requestId.shape),
  async ({ requestId, ...recommender }) => {
    const user = await candidate()
    await replaceRecommender(db, {
      userId: user.id,
      candidateEmail: user.email,
      requestId,
      recommender,
    })
    revalidatePath('/espace')
  },
)

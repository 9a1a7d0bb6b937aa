'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { confirmPlace, withdraw } from '@/lib/admissions/candidate-answer'
import { validatedAction } from '@/lib/auth/action'
import { getViewer } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { requestContext } from '@/lib/http/request-context'

// The candidate's own decisions about their application; the owner is checked in every query.
async function candidate() {
  const viewer = await getViewer()
  if (!viewer) throw new AuthorizationError('signed-out')
  return viewer.user
}

const applicationId = z.object({ applicationId: z.uuid('Candidature introuvable.') })

export const withdrawApplicationAction = validatedAction(
  applicationId,
  async ({ applicationId }) => {
    const user = await candidate()
    await withdraw(db, { userId: user.id, applicationId, ...(await requestContext()) })
    revalidatePath(`/espace/candidatures/${applicationId}`)
    revalidatePath('/espace')
  },
)

export const confirmPlaceAction = validatedAction(applicationId, async ({ applicationId }) => {
  const user = await candidate()
  await confirmPlace(db, { userId: user.id, applicationId, ...(await requestContext()) })
  revalidatePath(`/espace/candidatures/${applicationId}`)
  revalidatePath('/espace')
})

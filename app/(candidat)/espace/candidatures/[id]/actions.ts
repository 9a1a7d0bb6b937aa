'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { confirmPlace, withdraw } from '@/lib/admissions/candidate-answer'
import { candidateAction } from '@/lib/auth/action-clients'
import { requestContext } from '@/lib/http/request-context'

// The candidate's own decisions about their application; the owner is checked in every query.
const applicationId = z.object({ applicationId: z.uuid('Candidature introuvable.') })

const done = (applicationId: string) => {
  revalidatePath(`/espace/candidatures/${applicationId}`)
  revalidatePath('/espace')
}

export const withdrawApplicationAction = candidateAction(
  applicationId,
  async ({ applicationId }, { user }) => {
    await withdraw(db, { userId: user.id, applicationId, ...(await requestContext()) })
    done(applicationId)
  },
)

export const confirmPlaceAction = candidateAction(
  applicationId,
  async ({ applicationId }, { user }) => {
    await confirmPlace(db, { userId: user.id, applicationId, ...(await requestContext()) })
    done(applicationId)
  },
)

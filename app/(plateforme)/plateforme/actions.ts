'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { platformAction } from '@/lib/auth/action-clients'
import { createEstablishment } from '@/lib/establishments/creation'
import { approveRegistration, rejectRegistration } from '@/lib/establishments/registrations'
import {
  newEstablishmentSchema,
  registrationDecisionSchema,
  registrationRejectionSchema,
} from '@/lib/establishments/schemas'

// Platform operators only (users.platform_admin), checked by the client on every call.
export const createEstablishmentAction = platformAction(
  newEstablishmentSchema,
  async (input, { user }) => {
    const created = await createEstablishment(db, input, { userId: user.id })
    revalidatePath('/plateforme')
    return { id: created.id, invited: created.invitationId !== null }
  },
)

export const approveRegistrationAction = platformAction(
  registrationDecisionSchema,
  async ({ registrationId }, { user }) => {
    await approveRegistration(db, { registrationId, actorUserId: user.id })
    revalidatePath('/plateforme', 'layout')
  },
)

export const rejectRegistrationAction = platformAction(
  registrationRejectionSchema,
  async ({ registrationId, reason }, { user }) => {
    await rejectRegistration(db, { registrationId, reason, actorUserId: user.id })
    revalidatePath('/plateforme', 'layout')
  },
)

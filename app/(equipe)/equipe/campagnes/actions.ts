'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { createCampaign } from '@/lib/admissions/campaign-creation'
import { newCampaignSchema } from '@/lib/admissions/campaign-schemas'
import { establishmentSettingsSchema } from '@/lib/establishments/schemas'
import { updateEstablishmentSettings } from '@/lib/establishments/settings'
import { validatedAction } from '@/lib/auth/action'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'

// Opening campaigns belongs to coordinators and admins; the establishment's own settings to
// admins. Each action authorizes on its own; the lib scopes every query to the establishment.
export const createCampaignAction = validatedAction(newCampaignSchema, async (input) => {
  const { membership, viewer } = await authorize(rolesFor('campaigns.edit'))
  const created = await createCampaign(
    db,
    { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
    input,
  )
  revalidatePath('/equipe/campagnes')
  revalidatePath('/')
  return created
})

export const updateEstablishmentSettingsAction = validatedAction(
  establishmentSettingsSchema,
  async (input) => {
    const { membership, viewer } = await authorize(rolesFor('establishment.edit'))
    await updateEstablishmentSettings(
      db,
      { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
      input,
    )
    revalidatePath('/equipe/campagnes')
  },
)

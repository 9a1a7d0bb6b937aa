'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { createCampaign } from '@/lib/admissions/campaign-creation'
import { newCampaignSchema } from '@/lib/admissions/campaign-schemas'
import { establishmentSettingsSchema } from '@/lib/establishments/schemas'
import { updateEstablishmentSettings } from '@/lib/establishments/settings'
import { staffAction } from '@/lib/auth/action-clients'

// Opening campaigns belongs to coordinators and admins; the establishment's own settings to
// admins. The lib scopes every query to the establishment.
export const createCampaignAction = staffAction(
  'campaigns.edit',
  newCampaignSchema,
  async (input, { actor }) => {
    const created = await createCampaign(db, actor, input)
    revalidatePath('/equipe/campagnes')
    revalidatePath('/')
    return created
  },
)

export const updateEstablishmentSettingsAction = staffAction(
  'establishment.edit',
  establishmentSettingsSchema,
  async (input, { actor }) => {
    await updateEstablishmentSettings(db, actor, input)
    revalidatePath('/equipe/campagnes')
  },
)

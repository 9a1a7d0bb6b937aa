'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { createCampaign, updateEstablishmentSettings } from '@/lib/admissions/campaign-creation'
import { establishmentSettingsSchema, newCampaignSchema } from '@/lib/admissions/campaign-schemas'
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

'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import { removeLogo, replaceLogo } from '@/lib/establishments/logo-upload'
import { establishmentProfileSchema, logoUploadSchema } from '@/lib/establishments/schemas'
import { updateEstablishmentProfile } from '@/lib/establishments/settings'

// The establishment's own details belong to its head and admins ('establishment.edit'); the
// lib writes only the establishment the person works in.
export const updateEstablishmentProfileAction = staffAction(
  'establishment.edit',
  establishmentProfileSchema,
  async (input, { actor }) => {
    await updateEstablishmentProfile(db, actor, input)
    // The name shows in every page's header.
    revalidatePath('/', 'layout')
  },
)

export const uploadLogoAction = staffAction(
  'establishment.edit',
  logoUploadSchema,
  async ({ logo }, { actor }) => {
    await replaceLogo(db, actor, new Uint8Array(await logo.arrayBuffer()))
    revalidatePath('/', 'layout')
  },
)

export const removeLogoAction = staffAction(
  'establishment.edit',
  z.object({}),
  async (_, { actor }) => {
    await removeLogo(db, actor)
    revalidatePath('/', 'layout')
  },
)

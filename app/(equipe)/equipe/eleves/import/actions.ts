'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import { importConfirmSchema, importMappingSchema } from '@/lib/school/class-schemas'
import { applyImport, remapImport } from '@/lib/school/student-import/imports'

export const remapImportAction = staffAction(
  'students.import',
  importMappingSchema,
  async (input, { actor }) => {
    await remapImport(db, actor, input)
    revalidatePath(`/equipe/eleves/import/${input.importId}`)
  },
)

export const confirmImportAction = staffAction(
  'students.import',
  importConfirmSchema,
  async (input, context) => {
    const counts = await applyImport(db, { ...context.actor, actorName: context.user.name }, input)
    revalidatePath(`/equipe/eleves/import/${input.importId}`)
    revalidatePath('/equipe/classes')
    return counts
  },
)

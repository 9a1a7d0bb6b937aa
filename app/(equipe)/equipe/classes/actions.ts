'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import { inviteClassStudents } from '@/lib/school/class-invitations'
import { classInviteSchema, classSchema, classSettingsSchema } from '@/lib/school/class-schemas'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { createClass, updateClassSettings } from '@/lib/school/classes'
import { openNextSchoolYear } from '@/lib/school/school-years'

export const createClassAction = staffAction(
  'classes.manage',
  classSchema,
  async (input, { actor }) => {
    const created = await db.transaction((tx) => createClass(tx, actor, input))
    revalidatePath('/equipe/classes')
    return { id: created.id }
  },
)

export const updateClassAction = staffAction(
  'classes.manage',
  classSettingsSchema,
  async (input, { actor }) => {
    await db.transaction((tx) => updateClassSettings(tx, actor, input))
    revalidatePath('/equipe/classes')
  },
)

export const openNextYearAction = staffAction(
  'classes.manage',
  z.object({}),
  async (_input, { establishmentId }) => {
    const year = await openNextSchoolYear(db, establishmentId)
    revalidatePath('/equipe/classes')
    return { id: year?.id ?? null }
  },
)

// A main teacher may invite the students of their own classes only: the scope says so.
export const inviteClassAction = staffAction(
  'students.invite',
  classInviteSchema,
  async (input, context) => {
    const invited = await inviteClassStudents(
      db,
      { ...context.actor, actorName: context.user.name },
      schoolScopeOf(context),
      input.classId,
    )
    revalidatePath('/equipe/classes')
    return { invited }
  },
)

'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { validatedAction } from '@/lib/auth/action'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { noticeResetSchema, noticeSchema } from '@/lib/people/notice-schemas'
import { resetNotice, saveNotice } from '@/lib/people/notices'
import { noticePaths } from '@/lib/people/notices-defaults'

// The establishment's footer pages belong to its admins; each action authorizes on its own,
// and the lib checks the role again for the establishment it writes.
export const saveNoticeAction = validatedAction(noticeSchema, async (input) => {
  const { membership, viewer } = await authorize(rolesFor('establishment.edit'))
  await saveNotice(
    db,
    { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
    input,
  )
  revalidatePath('/equipe/informations-legales')
  revalidatePath(noticePaths[input.kind])
})

export const resetNoticeAction = validatedAction(noticeResetSchema, async (input) => {
  const { membership, viewer } = await authorize(rolesFor('establishment.edit'))
  await resetNotice(
    db,
    { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
    input.kind,
  )
  revalidatePath('/equipe/informations-legales')
  revalidatePath(noticePaths[input.kind])
})

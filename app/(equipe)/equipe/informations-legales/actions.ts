'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import { noticeResetSchema, noticeSchema } from '@/lib/people/notice-schemas'
import { resetNotice, saveNotice } from '@/lib/people/notices'
import { noticePaths } from '@/lib/people/notices-defaults'

// The establishment's footer pages belong to its admins; the lib checks the role again for
// the establishment it writes.
export const saveNoticeAction = staffAction(
  'establishment.edit',
  noticeSchema,
  async (input, { actor }) => {
    await saveNotice(db, actor, input)
    revalidatePath('/equipe/informations-legales')
    revalidatePath(noticePaths[input.kind])
  },
)

export const resetNoticeAction = staffAction(
  'establishment.edit',
  noticeResetSchema,
  async (input, { actor }) => {
    await resetNotice(db, actor, input.kind)
    revalidatePath('/equipe/informations-legales')
    revalidatePath(noticePaths[input.kind])
  },
)

'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { validatedAction } from '@/lib/auth/action'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { requeueFailedEmails } from '@/lib/mail/outbox-health'
import { requeueAllFailedSchema, requeueEmailSchema } from '@/lib/mail/schemas'

// Re-queuing belongs to admins ('outbox.manage'); each action authorizes on its own and the
// lib keeps to the admin's establishment. Returns how many emails went back in the queue.
export const requeueEmailAction = validatedAction(requeueEmailSchema, async ({ emailId }) => {
  const { membership, viewer } = await authorize(rolesFor('outbox.manage'))
  const count = await db.transaction((tx) =>
    requeueFailedEmails(tx, {
      establishmentId: membership.establishmentId,
      actorUserId: viewer.user.id,
      emailIds: [emailId],
    }),
  )
  revalidatePath('/equipe/courriels')
  return { count }
})

export const requeueAllFailedAction = validatedAction(requeueAllFailedSchema, async () => {
  const { membership, viewer } = await authorize(rolesFor('outbox.manage'))
  const count = await db.transaction((tx) =>
    requeueFailedEmails(tx, {
      establishmentId: membership.establishmentId,
      actorUserId: viewer.user.id,
    }),
  )
  revalidatePath('/equipe/courriels')
  return { count }
})

'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import { requeueFailedEmails } from '@/lib/mail/outbox-health'
import { requeueAllFailedSchema, requeueEmailSchema } from '@/lib/mail/schemas'

// Re-queuing belongs to admins ('outbox.manage'); the lib keeps to the admin's establishment.
// Returns how many emails went back in the queue.
export const requeueEmailAction = staffAction(
  'outbox.manage',
  requeueEmailSchema,
  async ({ emailId }, { actor }) => {
    const count = await db.transaction((tx) =>
      requeueFailedEmails(tx, { ...actor, emailIds: [emailId] }),
    )
    revalidatePath('/equipe/courriels')
    return { count }
  },
)

export const requeueAllFailedAction = staffAction(
  'outbox.manage',
  requeueAllFailedSchema,
  async (_input, { actor }) => {
    const count = await db.transaction((tx) => requeueFailedEmails(tx, actor))
    revalidatePath('/equipe/courriels')
    return { count }
  },
)

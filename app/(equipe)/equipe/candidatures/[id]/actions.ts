'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { reviewDocument } from '@/lib/admissions/documents'
import { documentVerdictSchema } from '@/lib/admissions/review-schemas'
import { staffScope } from '@/lib/admissions/staff-scope'
import { validatedAction } from '@/lib/auth/action'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'

// Staff actions on one application. Each authorizes on its own; the lib functions carry the
// staff scope (establishment, and assignment for reviewers) in their WHERE.
async function manager() {
  const { membership, viewer } = await authorize(rolesFor('applications.manage'))
  return { scope: staffScope(viewer.memberships, membership.establishmentId, viewer.user.id), actorUserId: viewer.user.id }
}

export const reviewDocumentAction = validatedAction(z.object({ applicationId: z.uuid() }).and(documentVerdictSchema), async ({ applicationId, documentId, verdict, reason }) => {
  const { scope, actorUserId } = await manager()
  await reviewDocument(db, { scope, actorUserId, documentId, verdict, reason })
  revalidatePath(`/equipe/candidatures/${applicationId}`)
})

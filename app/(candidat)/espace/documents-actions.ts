'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { removeDraftDocument } from '@/lib/admissions/documents'
import { runAction, type ActionResult } from '@/lib/auth/action'
import { getViewer } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'

// A candidate withdraws a file from their own draft (the owner is checked in the query).
export async function removeDocumentAction(documentId: string): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await getViewer()
    if (!viewer) throw new AuthorizationError('signed-out')
    await removeDraftDocument(db, { userId: viewer.user.id, documentId: String(documentId) })
    revalidatePath('/candidature', 'layout')
  })
}

'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { removeDraftDocument } from '@/lib/admissions/documents'
import { candidateAction } from '@/lib/auth/action-clients'

// A candidate withdraws a file from their own draft (the owner is checked in the query).
// Called with the document's id alone.
export const removeDocumentAction = candidateAction(z.string(), async (documentId, { user }) => {
  await removeDraftDocument(db, { userId: user.id, documentId })
  revalidatePath('/candidature', 'layout')
})

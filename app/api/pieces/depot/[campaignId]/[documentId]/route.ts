import { NextResponse } from 'next/server'
import { db } from '@/db'
import { isUuid } from '@/lib/validation/uuid'
import { formatBytes } from '@/lib/storage/document-formats'
import { documentSizeLimit, uploadDocument } from '@/lib/admissions/documents'
import { withViewer } from '@/lib/auth/route-handlers'
import { UserFacingError } from '@/lib/errors'
import { readBodyWithLimit } from '@/lib/http/read-body'
import { requestContext } from '@/lib/http/request-context'

const refuse = (message: string, status: number) =>
  NextResponse.json({ ok: false, message }, { status })

// A candidate's file for one requested document: the raw bytes as the body (so the browser
// can report progress), the original name in X-File-Name. Excluded from proxy.ts so the
// body reaches here unbuffered.
export const POST = withViewer<{ campaignId: string; documentId: string }>(
  async (request, { viewer, params: { campaignId, documentId } }) => {
    if (!isUuid(campaignId) || !isUuid(documentId)) return refuse('Pièce introuvable.', 404)
    const maxBytes = await documentSizeLimit(db, { campaignId, documentId })
    if (maxBytes === null) return refuse('Pièce introuvable.', 404)

    const tooBig = () =>
      refuse(`Ce fichier dépasse la taille maximale autorisée (${formatBytes(maxBytes)}).`, 413)
    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > maxBytes) return tooBig()
    const bytes = await readBodyWithLimit(request.body, maxBytes)
    if (!bytes) return tooBig()

    let originalName = 'document'
    try {
      originalName = decodeURIComponent(request.headers.get('x-file-name') ?? 'document')
    } catch {
      // A malformed name is only cosmetic: the stored name is generated anyway.
    }
    try {
      const { document } = await uploadDocument(db, {
        user: viewer.user,
        campaignId,
        campaignDocumentId: documentId,
        bytes,
        originalName,
        ...(await requestContext()),
      })
      return NextResponse.json({
        ok: true,
        document: {
          id: document.id,
          fileName: document.fileName,
          size: document.size,
          status: document.status,
          uploadedAt: document.uploadedAt,
        },
      })
    } catch (error) {
      if (error instanceof UserFacingError)
        return refuse(error.fieldErrors.file?.[0] ?? error.message, 422)
      throw error
    }
  },
  {
    errorBody: (message) => ({ ok: false, message }),
    signedOutMessage: 'Vous devez être connecté pour déposer une pièce.',
  },
)

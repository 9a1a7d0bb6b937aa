import { Readable } from 'node:stream'
import { db } from '@/db'
import { contentDisposition } from '@/lib/http/content-disposition'
import { documentForDownload } from '@/lib/admissions/documents'
import { recordAudit } from '@/lib/audit/record'
import { notFound, withViewer } from '@/lib/auth/route-handlers'
import { storage } from '@/lib/storage'

// A supporting document, for its candidate or the staff who may see the application.
// Everyone else gets the same 404, whether the file exists or not.
export const GET = withViewer<{ id: string }>(async (request, { viewer, params, staff }) => {
  // Staff see documents of the establishment they work in for this session only.
  const asStaff = staff('applications.view')
  const found = await documentForDownload(db, {
    documentId: params.id,
    userId: viewer.user.id,
    scopes: asStaff ? [asStaff.scope] : [],
  })
  if (!found) return notFound()
  const file = await storage().get(found.document.storageKey)
  if (!file) return notFound('Fichier introuvable.')
  if (found.viewer === 'staff') {
    await recordAudit(db, {
      establishmentId: found.establishmentId,
      actorUserId: viewer.user.id,
      action: 'document.downloaded',
      subjectType: 'application',
      subjectId: found.document.applicationId,
      after: { file: found.document.fileName },
    })
  }
  const inline = new URL(request.url).searchParams.get('affichage') === '1'
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      'Content-Type': found.document.mimeType,
      'Content-Length': String(found.document.size),
      'Content-Disposition': contentDisposition(
        found.document.fileName,
        inline ? 'inline' : 'attachment',
      ),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  })
})

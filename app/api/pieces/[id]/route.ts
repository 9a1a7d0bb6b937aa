import { Readable } from 'node:stream'
import { NextResponse } from 'next/server'
import { db } from '@/db'
import { contentDisposition } from '@/lib/http/content-disposition'
import { documentForDownload } from '@/lib/admissions/documents'
import { staffScope } from '@/lib/admissions/staff-scope'
import { recordAudit } from '@/lib/audit/record'
import { can } from '@/lib/auth/permissions'
import { currentMemberships, getViewer } from '@/lib/auth/session'
import { storage } from '@/lib/storage'

// A supporting document, for its candidate or the staff who may see the application.
// Everyone else gets the same 404, whether the file exists or not.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer()
  if (!viewer) return NextResponse.json({ error: 'Vous devez être connecté.' }, { status: 401 })
  const { id } = await params
  // Staff see documents of the establishment they work in for this session only.
  const current = currentMemberships(viewer)
  const scopes =
    viewer.establishmentId && current.some((m) => can(m.role, 'applications.view'))
      ? [staffScope(current, viewer.establishmentId, viewer.user.id)]
      : []
  const found = await documentForDownload(db, { documentId: id, userId: viewer.user.id, scopes })
  if (!found) return NextResponse.json({ error: 'Introuvable.' }, { status: 404 })
  const file = await storage().get(found.document.storageKey)
  if (!file) return NextResponse.json({ error: 'Fichier introuvable.' }, { status: 404 })
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
}

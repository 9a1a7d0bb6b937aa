import { NextResponse } from 'next/server'
import { db } from '@/db'
import { staffScope } from '@/lib/admissions/staff-scope'
import { recordAudit } from '@/lib/audit/record'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { attachmentHeader } from '@/lib/reporting/cells'
import { documentsForZip, zipStream } from '@/lib/reporting/documents-zip'

// The supporting documents of a selection of applications, as one streamed ZIP.
export async function GET(request: Request) {
  let access
  try {
    access = await authorize(rolesFor('applications.export'))
  } catch (error) {
    if (error instanceof AuthorizationError) return NextResponse.json({ error: error.message }, { status: error.reason === 'signed-out' ? 401 : 403 })
    throw error
  }
  const { membership, viewer } = access
  const ids = (new URL(request.url).searchParams.get('candidatures') ?? '')
    .split(',')
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id))
    .slice(0, 500)
  if (ids.length === 0) return NextResponse.json({ error: 'Sélectionnez au moins une candidature.' }, { status: 400 })
  const files = await documentsForZip(db, staffScope(viewer.memberships, membership.establishmentId, viewer.user.id), ids)
  await recordAudit(db, { establishmentId: membership.establishmentId, actorUserId: viewer.user.id, action: 'documents.exported', subjectType: 'export', subjectId: 'zip', after: { applications: ids.length, files: files.length } })
  return new Response(zipStream(files), {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': attachmentHeader(`pieces-${new Date().toISOString().slice(0, 10)}.zip`), 'Cache-Control': 'no-store' },
  })
}

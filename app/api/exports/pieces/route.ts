import { NextResponse } from 'next/server'
import { db } from '@/db'
import { staffScope } from '@/lib/admissions/staff-scope'
import { recordExport } from '@/lib/audit/readings'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { contentDisposition } from '@/lib/http/content-disposition'
import { documentsForZip, MAX_ZIP_APPLICATIONS, zipStream } from '@/lib/reporting/documents-zip'
import { isUuid } from '@/lib/validation/uuid'

// The supporting documents of a selection of applications, as one streamed ZIP. The
// commission board posts its selection (a long list of ids does not fit in a URL); GET
// serves links to a few.
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null)
  return zipOf(String(form?.get('candidatures') ?? ''))
}

export async function GET(request: Request) {
  return zipOf(new URL(request.url).searchParams.get('candidatures') ?? '')
}

async function zipOf(list: string) {
  let access
  try {
    access = await authorize(rolesFor('applications.export'))
  } catch (error) {
    if (error instanceof AuthorizationError)
      return NextResponse.json(
        { error: error.message },
        { status: error.reason === 'signed-out' ? 401 : 403 },
      )
    throw error
  }
  const { membership, viewer } = access
  const ids = [...new Set(list.split(',').filter((id) => isUuid(id)))]
  if (ids.length === 0)
    return NextResponse.json({ error: 'Sélectionnez au moins une candidature.' }, { status: 400 })
  if (ids.length > MAX_ZIP_APPLICATIONS)
    return NextResponse.json(
      { error: `${MAX_ZIP_APPLICATIONS} candidatures au plus par archive : affinez la sélection.` },
      { status: 400 },
    )
  const files = await documentsForZip(
    db,
    staffScope(viewer.memberships, membership.establishmentId, viewer.user.id),
    ids,
  )
  await recordExport(
    db,
    { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
    'zip',
    {
      format: 'zip',
      applicationIds: [...new Set(files.map((f) => f.applicationId))],
      files: files.length,
    },
  )
  return new Response(zipStream(files), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': contentDisposition(
        `pieces-${new Date().toISOString().slice(0, 10)}.zip`,
      ),
      'Cache-Control': 'no-store',
    },
  })
}

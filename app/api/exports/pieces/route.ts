import { NextResponse } from 'next/server'
import { db } from '@/db'
import { isUuid } from '@/lib/validation/uuid'
import { recordExport } from '@/lib/audit/readings'
import { withStaff } from '@/lib/auth/route-handlers'
import type { StaffContext } from '@/lib/auth/staff-context'
import { contentDisposition } from '@/lib/http/content-disposition'
import { documentsForZip, MAX_ZIP_APPLICATIONS, zipStream } from '@/lib/reporting/documents-zip'

// The supporting documents of a selection of applications, as one streamed ZIP. The
// commission board posts its selection (a long list of ids does not fit in a URL); GET
// serves links to a few.
export const POST = withStaff('applications.export', async (request, context) => {
  const form = await request.formData().catch(() => null)
  return zipOf(String(form?.get('candidatures') ?? ''), context)
})

export const GET = withStaff('applications.export', async (request, context) =>
  zipOf(new URL(request.url).searchParams.get('candidatures') ?? '', context),
)

async function zipOf(list: string, { actor, scope }: StaffContext) {
  const ids = [...new Set(list.split(',').filter((id) => isUuid(id)))]
  if (ids.length === 0)
    return NextResponse.json({ error: 'Sélectionnez au moins une candidature.' }, { status: 400 })
  if (ids.length > MAX_ZIP_APPLICATIONS)
    return NextResponse.json(
      { error: `${MAX_ZIP_APPLICATIONS} candidatures au plus par archive : affinez la sélection.` },
      { status: 400 },
    )
  const files = await documentsForZip(db, scope, ids)
  await recordExport(db, actor, 'zip', {
    format: 'zip',
    applicationIds: [...new Set(files.map((f) => f.applicationId))],
    files: files.length,
  })
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

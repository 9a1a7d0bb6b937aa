import { staffScope } from '@/lib/admissions/staff-scope'
import { NextResponse } from 'next/server'
import { db } from '@/db'
import { listUrlValues, parseListParams } from '@/lib/admissions/list-params'
import { recordExport } from '@/lib/audit/readings'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { applicationExport } from '@/lib/reporting/applications-export'
import { parseColumns } from '@/lib/reporting/export-columns'
import { contentDisposition } from '@/lib/http/content-disposition'
import { csvStream, xlsxStream } from '@/lib/reporting/stream-export'

// The staff table's current filtered view, as CSV or XLSX, streamed.
export async function GET(request: Request) {
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
  const url = new URL(request.url)
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx'
  const params = parseListParams(url.searchParams)
  const chosen = listUrlValues(params)
  const columns = parseColumns(url.searchParams.get('colonnes'))
  await recordExport(
    db,
    { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
    'applications',
    {
      format,
      // Recorded in the URL's words, as the person chose them.
      filters: {
        statut: chosen.statut,
        recos: chosen.recos,
        q: chosen.q,
        campagne: chosen.campagne || null,
      },
      columns,
    },
  )
  const rows = applicationExport(
    db,
    staffScope(viewer.memberships, membership.establishmentId, viewer.user.id),
    params,
    columns,
  )
  const date = new Date().toISOString().slice(0, 10)
  const body = format === 'csv' ? csvStream(rows) : xlsxStream(rows, 'Candidatures')
  return new Response(body, {
    headers: {
      'Content-Type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(`candidatures-${date}.${format}`),
      'Cache-Control': 'no-store',
    },
  })
}

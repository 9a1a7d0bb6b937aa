import { db } from '@/db'
import { listUrlValues, parseListParams } from '@/lib/admissions/list-params'
import { recordExport } from '@/lib/audit/readings'
import { withStaff } from '@/lib/auth/route-handlers'
import { applicationExport } from '@/lib/reporting/applications-export'
import { parseColumns } from '@/lib/reporting/export-columns'
import { contentDisposition } from '@/lib/http/content-disposition'
import { csvStream, xlsxStream } from '@/lib/reporting/stream-export'

// The staff table's current filtered view, as CSV or XLSX, streamed.
export const GET = withStaff('applications.export', async (request, { actor, scope }) => {
  const url = new URL(request.url)
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx'
  const params = parseListParams(url.searchParams)
  const chosen = listUrlValues(params)
  const columns = parseColumns(url.searchParams.get('colonnes'))
  await recordExport(db, actor, 'applications', {
    format,
    // Recorded in the URL's words, as the person chose them.
    filters: {
      statut: chosen.statut,
      recos: chosen.recos,
      q: chosen.q,
      campagne: chosen.campagne || null,
    },
    columns,
  })
  const rows = applicationExport(db, scope, params, columns)
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
})

import { db } from '@/db'
import { isUuid } from '@/lib/validation/uuid'
import { recordExport } from '@/lib/audit/readings'
import { withStaff } from '@/lib/auth/route-handlers'
import { contentDisposition } from '@/lib/http/content-disposition'
import { sisExport } from '@/lib/reporting/sis-export'
import { csvStream, xlsxStream } from '@/lib/reporting/stream-export'

// Confirmed candidates for the student information system (lib/reporting/export-si.md), streamed.
export const GET = withStaff('applications.export', async (request, { actor, scope }) => {
  const url = new URL(request.url)
  const format = url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv'
  const campaignId = isUuid(url.searchParams.get('campagne') ?? '')
    ? url.searchParams.get('campagne')!
    : undefined
  await recordExport(db, actor, 'si', { format, campagne: campaignId ?? null })
  const rows = sisExport(db, scope, { campaignId })
  const date = new Date().toISOString().slice(0, 10)
  return new Response(format === 'csv' ? csvStream(rows) : xlsxStream(rows, 'Inscrits'), {
    headers: {
      'Content-Type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(`export-si-${date}.${format}`),
      'Cache-Control': 'no-store',
    },
  })
})

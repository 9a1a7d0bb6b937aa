import { NextResponse } from 'next/server'
import { db } from '@/db'
import { staffScope } from '@/lib/admissions/staff-scope'
import { recordExport } from '@/lib/audit/readings'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { contentDisposition } from '@/lib/http/content-disposition'
import { sisExport } from '@/lib/reporting/sis-export'
import { csvStream, xlsxStream } from '@/lib/reporting/stream-export'
import { isUuid } from '@/lib/validation/uuid'

// Confirmed candidates for the student information system (lib/reporting/export-si.md), streamed.
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
  const format = url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv'
  const campaignId = isUuid(url.searchParams.get('campagne') ?? '')
    ? url.searchParams.get('campagne')!
    : undefined
  await recordExport(
    db,
    { establishmentId: membership.establishmentId, actorUserId: viewer.user.id },
    'si',
    { format, campagne: campaignId ?? null },
  )
  const rows = sisExport(
    db,
    staffScope(viewer.memberships, membership.establishmentId, viewer.user.id),
    { campaignId },
  )
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
}

import { NextResponse } from 'next/server'
import { db } from '@/db'
import { staffScope } from '@/lib/admissions/staff-scope'
import { recordAudit } from '@/lib/audit/record'
import { recordRecommendationReadings } from '@/lib/audit/readings'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { applicationSummary } from '@/lib/reporting/application-summary'
import { contentDisposition } from '@/lib/http/content-disposition'
import { renderApplicationSummaryPdf } from '@/components/reporting/application-summary-pdf'

// One application as a PDF for the commission (it holds recommendations: every download is on record).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let access
  try {
    access = await authorize(rolesFor('recommendations.read'))
  } catch (error) {
    if (error instanceof AuthorizationError)
      return NextResponse.json(
        { error: error.message },
        { status: error.reason === 'signed-out' ? 401 : 403 },
      )
    throw error
  }
  const { membership, viewer } = access
  const { id } = await params
  const summary = await applicationSummary(
    db,
    staffScope(viewer.memberships, membership.establishmentId, viewer.user.id),
    id,
    membership.establishmentName,
  )
  if (!summary) return NextResponse.json({ error: 'Introuvable.' }, { status: 404 })
  const reader = { establishmentId: membership.establishmentId, actorUserId: viewer.user.id }
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      ...reader,
      action: 'application.summary_downloaded',
      subjectType: 'application',
      subjectId: id,
    })
    await recordRecommendationReadings(tx, reader, summary.readRecommendationIds, 'synthese-pdf')
  })
  const pdf = await renderApplicationSummaryPdf(summary)
  const name =
    [summary.identity[2]?.[1], summary.identity[1]?.[1]].filter(Boolean).join('-') || 'candidature'
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(`synthese-${name}.pdf`),
      'Cache-Control': 'private, no-store',
    },
  })
}

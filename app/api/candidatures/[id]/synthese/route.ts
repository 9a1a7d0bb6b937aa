import { db } from '@/db'
import { recordAudit } from '@/lib/audit/record'
import { recordRecommendationReadings } from '@/lib/audit/readings'
import { notFound, withStaff } from '@/lib/auth/route-handlers'
import { applicationSummary } from '@/lib/reporting/application-summary'
import { contentDisposition } from '@/lib/http/content-disposition'
import { renderApplicationSummaryPdf } from '@/components/reporting/application-summary-pdf'

// One application as a PDF for the commission (it holds recommendations: every download is on record).
export const GET = withStaff<{ id: string }>(
  'recommendations.read',
  async (_request, { actor, scope, membership, params: { id } }) => {
    const summary = await applicationSummary(db, scope, id, membership.establishmentName)
    if (!summary) return notFound()
    await db.transaction(async (tx) => {
      await recordAudit(tx, {
        ...actor,
        action: 'application.summary_downloaded',
        subjectType: 'application',
        subjectId: id,
      })
      await recordRecommendationReadings(tx, actor, summary.readRecommendationIds, 'synthese-pdf')
    })
    const pdf = await renderApplicationSummaryPdf(summary)
    const name =
      [summary.identity[2]?.[1], summary.identity[1]?.[1]].filter(Boolean).join('-') ||
      'candidature'
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(`synthese-${name}.pdf`),
        'Cache-Control': 'private, no-store',
      },
    })
  },
)

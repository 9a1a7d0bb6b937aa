import { scopeCondition } from '@/lib/admissions/staff-scope'
import { Readable } from 'node:stream'
import { renderToStream } from '@react-pdf/renderer'
import { and, eq, isNotNull } from 'drizzle-orm'
import { createElement, type ReactElement } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import { db } from '@/db'
import {
  admissionCampaigns,
  applications,
  establishments,
  programmes,
  recommendationRequests,
  recommendations,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { notFound, withStaff } from '@/lib/auth/route-handlers'
import { appUrl } from '@/lib/config/settings'
import { candidateDisplayName } from '@/lib/recommendations/invitation-context'
import { formatPhone } from '@/lib/recommendations/phone'
import { attachmentHeader } from '@/lib/reporting/cells'
import { RecommendationPdf } from '@/components/reporting/recommendation-pdf'

// One submitted recommendation as a PDF carrying its verification code (staff of its establishment only).
export const GET = withStaff<{ id: string }>(
  'recommendations.read',
  async (_request, { actor, scope, params: { id } }) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound()
    const [row] = await db
      .select({
        request: recommendationRequests,
        recommendation: recommendations,
        application: applications,
        programmeName: programmes.name,
        establishmentName: establishments.name,
      })
      .from(recommendationRequests)
      .innerJoin(recommendations, eq(recommendations.requestId, recommendationRequests.id))
      .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
      .where(
        and(
          eq(recommendationRequests.id, id),
          scopeCondition(scope),
          isNotNull(recommendations.submittedAt),
        ),
      )
    if (!row || !row.recommendation.verificationCode) return notFound()
    const r = row.recommendation
    await recordAudit(db, {
      ...actor,
      action: 'recommendation.downloaded',
      subjectType: 'recommendation_request',
      subjectId: row.request.id,
    })
    const candidateName = candidateDisplayName(row.application)
    const document = createElement(RecommendationPdf, {
      establishmentName: row.establishmentName,
      programmeName: row.programmeName,
      candidateName,
      recommender: {
        name: row.request.recommenderName,
        position: row.request.recommenderPosition,
        email: row.request.recommenderEmail,
      },
      submittedAt: r.submittedAt!,
      answers: r.submittedAnswers ?? [],
      opinion: r.opinion,
      phone: r.phone ? formatPhone(r.phone) : '—',
      phoneConfirmed: r.phoneConfirmed,
      contentHash: r.contentHash ?? '',
      verificationCode: r.verificationCode!,
      verifyUrl: `${appUrl()}/verifier/${r.verificationCode}`,
    }) as unknown as ReactElement<DocumentProps>
    const stream = await renderToStream(document)
    return new Response(
      Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>,
      {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': attachmentHeader(
            `avis-${candidateName}-${r.verificationCode}.pdf`,
          ),
          'Cache-Control': 'no-store',
        },
      },
    )
  },
)

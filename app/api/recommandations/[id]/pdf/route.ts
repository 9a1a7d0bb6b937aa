import { scopeCondition, staffScope } from '@/lib/admissions/staff-scope'
import { Readable } from 'node:stream'
import { renderToStream } from '@react-pdf/renderer'
import { and, eq, isNotNull } from 'drizzle-orm'
import { NextResponse } from 'next/server'
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
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'
import { appUrl } from '@/lib/config/settings'
import { AuthorizationError } from '@/lib/errors'
import { candidateDisplayName } from '@/lib/recommendations/invitation-context'
import { formatPhone } from '@/lib/validation/phone'
import { contentDisposition } from '@/lib/http/content-disposition'
import { RecommendationPdf } from '@/components/reporting/recommendation-pdf'
import { isUuid } from '@/lib/validation/uuid'

// One submitted recommendation as a PDF carrying its verification code (staff of its establishment only).
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
  const { id } = await params
  if (!isUuid(id)) return NextResponse.json({ error: 'Introuvable' }, { status: 404 })
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
        scopeCondition(
          staffScope(
            access.viewer.memberships,
            access.membership.establishmentId,
            access.viewer.user.id,
          ),
        ),
        isNotNull(recommendations.submittedAt),
      ),
    )
  if (!row || !row.recommendation.verificationCode)
    return NextResponse.json({ error: 'Introuvable' }, { status: 404 })
  const r = row.recommendation
  await recordAudit(db, {
    establishmentId: access.membership.establishmentId,
    actorUserId: access.viewer.user.id,
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
  return new Response(Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(`avis-${candidateName}-${r.verificationCode}.pdf`),
      'Cache-Control': 'no-store',
    },
  })
}

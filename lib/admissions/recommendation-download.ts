import { and, eq, isNotNull } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  establishments,
  programmes,
  recommendationRequests,
  recommendations,
  type RecommendationAnswer,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import type { Actor } from '@/lib/auth/actor'
import type { StaffScope } from '@/lib/auth/staff-context'
import { appUrl } from '@/lib/config/settings'
import { candidateDisplayName } from '@/lib/recommendations/invitation-context'
import { formatPhone } from '@/lib/validation/phone'
import { isUuid } from '@/lib/validation/uuid'
import { scopeCondition } from './staff-scope'

/** What the recommendation's PDF prints (components/reporting/recommendation-pdf.tsx). */
export type RecommendationDocument = {
  establishmentName: string
  programmeName: string
  candidateName: string
  recommender: { name: string; position: string; email: string }
  submittedAt: Date
  answers: RecommendationAnswer[]
  opinion: string | null
  phone: string
  phoneConfirmed: boolean
  contentHash: string
  verificationCode: string
  verifyUrl: string
}

/**
 * A submitted recommendation for a staff member to download, with its verification code,
 * and the download on record (a recommendation is read by whoever downloads it). Null, and
 * nothing recorded, for a request that is unknown, not yet answered, or outside their scope.
 */
export async function downloadRecommendation(
  db: Executor,
  staff: { actor: Actor; scope: StaffScope },
  requestId: string,
): Promise<{ document: RecommendationDocument; fileName: string } | null> {
  if (!isUuid(requestId)) return null
  const [row] = await db
    .select({
      requestId: recommendationRequests.id,
      recommender: {
        name: recommendationRequests.recommenderName,
        position: recommendationRequests.recommenderPosition,
        email: recommendationRequests.recommenderEmail,
      },
      recommendation: {
        submittedAt: recommendations.submittedAt,
        answers: recommendations.submittedAnswers,
        opinion: recommendations.opinion,
        phone: recommendations.phone,
        phoneConfirmed: recommendations.phoneConfirmed,
        contentHash: recommendations.contentHash,
        verificationCode: recommendations.verificationCode,
      },
      candidate: { firstName: applications.firstName, lastName: applications.lastName },
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
        eq(recommendationRequests.id, requestId),
        scopeCondition(staff.scope),
        isNotNull(recommendations.submittedAt),
      ),
    )
  const r = row?.recommendation
  if (!row || !r?.submittedAt || !r.verificationCode) return null
  await recordAudit(db, {
    ...staff.actor,
    action: 'recommendation.downloaded',
    subjectType: 'recommendation_request',
    subjectId: row.requestId,
  })
  const candidateName = candidateDisplayName(row.candidate)
  return {
    document: {
      establishmentName: row.establishmentName,
      programmeName: row.programmeName,
      candidateName,
      recommender: row.recommender,
      submittedAt: r.submittedAt,
      answers: r.answers ?? [],
      opinion: r.opinion,
      phone: r.phone ? formatPhone(r.phone) : '—',
      phoneConfirmed: r.phoneConfirmed,
      contentHash: r.contentHash ?? '',
      verificationCode: r.verificationCode,
      verifyUrl: `${appUrl()}/verifier/${r.verificationCode}`,
    },
    fileName: `avis-${candidateName}-${r.verificationCode}.pdf`,
  }
}

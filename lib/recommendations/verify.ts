import { and, eq, isNotNull } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  establishments,
  programmes,
  recommendationRequests,
  recommendations,
} from '@/db/schema'
import { isAcademicEmail } from './academic-email'
import { normalizeVerificationCode } from './verification-code'

/**
 * What anyone may learn from a verification code: that the recommendation exists, who
 * signed it, when, for which programme — never its content nor the candidate.
 */
export async function verifyRecommendationCode(db: Executor, input: string) {
  const code = normalizeVerificationCode(input)
  if (!code) return null
  const [row] = await db
    .select({
      code: recommendations.verificationCode,
      submittedAt: recommendations.submittedAt,
      phoneConfirmed: recommendations.phoneConfirmed,
      recommenderName: recommendationRequests.recommenderName,
      recommenderPosition: recommendationRequests.recommenderPosition,
      recommenderEmail: recommendationRequests.recommenderEmail,
      programmeName: programmes.name,
      establishmentName: establishments.name,
    })
    .from(recommendations)
    .innerJoin(recommendationRequests, eq(recommendationRequests.id, recommendations.requestId))
    .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(and(eq(recommendations.verificationCode, code), isNotNull(recommendations.submittedAt)))
  if (!row) return null
  const { recommenderEmail, ...rest } = row
  return { ...rest, academicEmail: isAcademicEmail(recommenderEmail) }
}

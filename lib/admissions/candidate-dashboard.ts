import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  emailOutbox,
  establishments,
  programmes,
  recommendationRequests,
} from '@/db/schema'
import { displayStatus, nextResendAt } from '@/lib/recommendations/request-status'

/** The candidate's applications with each live recommendation request and what they may do with it. */
export async function candidateApplications(db: Executor, userId: string, now: Date = new Date()) {
  const apps = await db
    .select({
      id: applications.id,
      status: applications.status,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
      campaignId: admissionCampaigns.id,
      campaignName: admissionCampaigns.name,
      closesAt: admissionCampaigns.closesAt,
      recommendationDeadline: admissionCampaigns.recommendationDeadline,
      programmeName: programmes.name,
      establishmentName: establishments.name,
    })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(eq(applications.candidateUserId, userId))
    .orderBy(desc(applications.createdAt))
  if (apps.length === 0) return []
  const requests = await db
    .select({ request: recommendationRequests, invitationStatus: emailOutbox.status })
    .from(recommendationRequests)
    .leftJoin(emailOutbox, eq(emailOutbox.id, recommendationRequests.invitationEmailId))
    .where(
      and(
        inArray(
          recommendationRequests.applicationId,
          apps.map((a) => a.id),
        ),
        ne(recommendationRequests.status, 'revoked'),
      ),
    )
    .orderBy(asc(recommendationRequests.slot))
  return apps.map((app) => ({
    ...app,
    requests: requests
      .filter((r) => r.request.applicationId === app.id)
      .map(({ request, invitationStatus }) => ({
        id: request.id,
        name: request.recommenderName,
        position: request.recommenderPosition,
        email: request.recommenderEmail,
        status: displayStatus(request, invitationStatus, now),
        declineReason: request.declineReason,
        nextResendAt: nextResendAt(request, now),
      })),
  }))
}
export type CandidateApplication = Awaited<ReturnType<typeof candidateApplications>>[number]

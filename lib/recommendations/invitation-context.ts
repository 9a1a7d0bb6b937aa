import { eq, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  establishments,
  programmes,
  recommendationQuestions,
} from '@/db/schema'
import type { InvitationContext } from './links'

export const candidateDisplayName = (a: {
  firstName: string | null
  lastName: string | null
  email?: string
}) => [a.firstName, a.lastName].filter(Boolean).join(' ') || a.email || 'Candidat'

/** What invitation and reminder emails say about the application. */
export async function loadInvitationContext(
  db: Executor,
  applicationId: string,
): Promise<
  InvitationContext & { campaignId: string; candidateEmail: string; candidateFirstName: string }
> {
  const [row] = await db
    .select({
      establishmentId: applications.establishmentId,
      campaignId: applications.campaignId,
      firstName: applications.firstName,
      lastName: applications.lastName,
      email: applications.email,
      programmeName: programmes.name,
      establishmentName: establishments.name,
      deadline: admissionCampaigns.recommendationDeadline,
      questionCount: sql<number>`(select count(*)::int from ${recommendationQuestions} where ${recommendationQuestions.campaignId} = ${admissionCampaigns.id})`,
    })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(eq(applications.id, applicationId))
  if (!row) throw new Error(`application ${applicationId} not found`)
  return {
    establishmentId: row.establishmentId,
    campaignId: row.campaignId,
    candidateName: candidateDisplayName(row),
    candidateFirstName: row.firstName ?? candidateDisplayName(row),
    candidateEmail: row.email,
    programmeName: row.programmeName,
    establishmentName: row.establishmentName,
    deadline: row.deadline,
    questionCount: row.questionCount,
  }
}

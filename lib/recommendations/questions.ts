import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  applications,
  recommendationQuestions,
  recommendationRequests,
  recommendations,
} from '@/db/schema'

export async function campaignQuestions(db: Executor, campaignId: string) {
  return db
    .select()
    .from(recommendationQuestions)
    .where(eq(recommendationQuestions.campaignId, campaignId))
    .orderBy(asc(recommendationQuestions.position))
}

/** Questions are locked once any recommendation of the campaign was submitted. */
export async function questionsLocked(db: Executor, campaignId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recommendations)
    .innerJoin(recommendationRequests, eq(recommendationRequests.id, recommendations.requestId))
    .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
    .where(and(eq(applications.campaignId, campaignId), isNotNull(recommendations.submittedAt)))
  return (row?.n ?? 0) > 0
}

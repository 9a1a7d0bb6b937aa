import type { Executor } from '@/db'
import { recommendationRequests } from '@/db/schema'
import { issueLinkEmail, type InvitationContext } from './links'
import { eq } from 'drizzle-orm'

export type RecommenderInput = { name: string; position: string; email: string }

/** One request for one recommender, with its link and invitation email, in the caller's transaction. */
export async function createRecommendationRequest(
  tx: Executor,
  params: {
    applicationId: string
    slot: number
    recommender: RecommenderInput
    context: InvitationContext
  },
) {
  const [request] = await tx
    .insert(recommendationRequests)
    .values({
      establishmentId: params.context.establishmentId,
      applicationId: params.applicationId,
      slot: params.slot,
      recommenderName: params.recommender.name,
      recommenderPosition: params.recommender.position,
      recommenderEmail: params.recommender.email,
      expiresAt: params.context.deadline,
    })
    .returning()
  const { emailId } = await issueLinkEmail(tx, request!, 'invitation', params.context)
  await tx
    .update(recommendationRequests)
    .set({ invitationEmailId: emailId })
    .where(eq(recommendationRequests.id, request!.id))
  return request!
}

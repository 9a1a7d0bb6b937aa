import type { RecommendationAnswer } from '@/db/schema'
import { hashedContent } from './respond'

/**
 * Whether a submitted recommendation still reads as it was submitted: its content, hashed
 * again, gives the hash frozen at submission. Staff see "contenu modifié depuis la
 * transmission" otherwise; a recommendation without its frozen content is never intact.
 */
export function isRecommendationIntact(
  request: { id: string; recommenderEmail: string },
  recommendation: {
    submittedAnswers: RecommendationAnswer[] | null
    opinion: string | null
    phone: string | null
    phoneConfirmed: boolean
    submittedAt: Date | null
    contentHash: string | null
  },
): boolean {
  const r = recommendation
  if (!r.submittedAnswers || !r.opinion || !r.phone || !r.submittedAt || !r.contentHash)
    return false
  return (
    hashedContent({
      requestId: request.id,
      recommenderEmail: request.recommenderEmail,
      answers: r.submittedAnswers,
      opinion: r.opinion,
      phone: r.phone,
      phoneConfirmed: r.phoneConfirmed,
      submittedAt: r.submittedAt,
    }) === r.contentHash
  )
}

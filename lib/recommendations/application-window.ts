import type { ApplicationStatus } from '@/db/schema'

/**
 * While a file is being examined its recommenders can still answer, be reminded or replaced;
 * before submission there is no request, and after the decision or a withdrawal every link
 * is dead. (Statuses of lib/admissions/application-status.ts, read from the schema so that
 * recommendations never import admissions.)
 */
export const recommendationStates = [
  'submitted',
  'incomplete',
  'complete',
  'under_review',
] as const satisfies readonly ApplicationStatus[]

export const acceptsRecommendations = (status: ApplicationStatus) =>
  (recommendationStates as readonly string[]).includes(status)

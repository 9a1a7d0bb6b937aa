import type { Application, DecisionOutcome } from '@/db/schema'
import { canTransition, stateLabels } from './application-status'

const DAY = 86_400_000

export const outcomeLabels: Record<DecisionOutcome, string> = {
  admitted: 'Favorable',
  waitlisted: 'Liste d’attente',
  rejected: 'Défavorable',
}

/** Why this outcome cannot be decided for a file in that state, or null. */
export function decisionRefusal(
  status: Application['status'],
  outcome: DecisionOutcome,
): string | null {
  if (canTransition(status, outcome, 'staff')) return null
  return `Décision impossible : la candidature est « ${stateLabels[status]} »${status === 'complete' || status === 'submitted' || status === 'incomplete' ? ' et doit d’abord être mise en examen' : ''}.`
}

/** The date an admitted candidate answers by: the campaign's date if still ahead, else N days. */
export function responseDeadlineFor(
  campaign: { responseDeadline: Date | null; responseDays: number },
  now: Date,
): Date {
  if (campaign.responseDeadline && campaign.responseDeadline > now) return campaign.responseDeadline
  return new Date(now.getTime() + campaign.responseDays * DAY)
}

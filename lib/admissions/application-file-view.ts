import type { Executor } from '@/db'
import type { StaffContext } from '@/lib/auth/staff-context'
import { recordRecommendationReadings } from '@/lib/audit/readings'
import { isRecommendationIntact } from '@/lib/recommendations/integrity'
import { reachedInvitationLimits } from '@/lib/recommendations/invitation-limits'
import { displayStatus } from '@/lib/recommendations/request-status'
import { canTransition, pendingStates, type ApplicationState } from './application-status'
import { pendingDecisions } from './decision-entry'
import { motivationsOf } from './motivations'
import { staffDocuments } from './documents'
import { campaignCriteria } from './review-criteria'
import { applicationReviews, campaignRanking } from './review-results'
import { myAssignment } from './review-scoring'
import { applicationDetail } from './staff-applications'

type Staff = Pick<StaffContext, 'actor' | 'scope' | 'establishmentId' | 'may'>

/** The outcomes a commission enters; a decision can be entered while one of them is reachable. */
const outcomes = ['admitted', 'waitlisted', 'rejected'] as const

/**
 * Whether a reviewer may see colleagues' marks: they form their own opinion first, so an
 * assigned reviewer sees them once their own grid is finished. Managers and staff not
 * assigned to the file see them at once.
 */
export function seesColleaguesMarks(
  mayManage: boolean,
  assignment: { completedAt: Date | null } | null | undefined,
): boolean {
  return mayManage || !assignment || Boolean(assignment.completedAt)
}

/** Whether the commission can still enter a decision on a file in this state. */
export function decisionCanBeEntered(status: ApplicationState): boolean {
  return outcomes.some((outcome) => canTransition(status, outcome, 'staff'))
}

/** Whether documents can still be validated or refused (the file is not yet examined). */
export function documentVerdictsOpen(status: ApplicationState): boolean {
  return (pendingStates as readonly string[]).includes(status)
}

/**
 * One application as a staff member sees it, with what they may do on it. Loading it is a
 * reading of its recommendations: every one received goes on record for this person.
 * Undefined when the file does not exist or is outside their scope.
 */
export async function applicationFileView(
  db: Executor,
  staff: Staff,
  applicationId: string,
  now: Date = new Date(),
) {
  const detail = await applicationDetail(db, staff.scope, applicationId)
  if (!detail) return undefined
  const a = detail.application
  const submitted = detail.requests.filter((r) => r.recommendation?.submittedAt)
  await recordRecommendationReadings(
    db,
    staff.actor,
    submitted.map((r) => r.request.id),
    'fiche',
  )
  const [documents, limitsReached, criteria, assignment, ranking, motivations, pending] =
    await Promise.all([
      staffDocuments(db, detail.campaignId, a.id),
      reachedInvitationLimits(db, {
        applicationId: a.id,
        candidateUserId: a.candidateUserId,
        now,
      }),
      campaignCriteria(db, detail.campaignId),
      myAssignment(db, staff.actor.actorUserId, a.id),
      campaignRanking(db, staff.scope, detail.campaignId),
      motivationsOf(db, staff.establishmentId),
      pendingDecisions(db, staff.scope, detail.campaignId),
    ])
  const mayManage = staff.may('applications.manage')
  const seesColleagues = seesColleaguesMarks(mayManage, assignment)
  const colleagues = seesColleagues ? await applicationReviews(db, a.id, detail.campaignId) : null
  return {
    application: a,
    campaignId: detail.campaignId,
    campaignName: detail.campaignName,
    programmeName: detail.programmeName,
    requiredRecommendations: detail.required,
    documents,
    /** What the page offers this person. */
    may: {
      seeList: staff.may('applications.view'),
      enterDecision: staff.may('decisions.enter') && decisionCanBeEntered(a.status),
      reviewDocuments: mayManage && documentVerdictsOpen(a.status),
      liftInvitationLimits: staff.may('recommendations.lift-limit'),
    },
    review: {
      assignment,
      criteria,
      seesColleagues,
      /** The file's line in the campaign's ranking (average, rank, each reviewer), when ranked. */
      result: ranking.files.find((f) => f.id === a.id),
      /** Each reviewer's marks per criterion, once the person may see colleagues' marks. */
      colleagues,
    },
    decision: {
      motivations,
      pendingOutcome: pending.find((p) => p.decision.applicationId === a.id)?.decision.outcome,
    },
    limitsReached,
    receivedRecommendations: submitted.length,
    recommendations: detail.requests.map(({ request, recommendation, invitationStatus, links }) => {
      const received = recommendation?.submittedAt ? recommendation : null
      return {
        request,
        status: displayStatus(request, invitationStatus, now),
        /** The submitted recommendation, with how it was sent and whether it is untouched since. */
        received: received && {
          ...received,
          usedLinkKind: links.find((l) => l.id === received.linkId)?.kind ?? null,
          intact: isRecommendationIntact(request, received),
        },
      }
    }),
  }
}
export type ApplicationFileView = NonNullable<Awaited<ReturnType<typeof applicationFileView>>>

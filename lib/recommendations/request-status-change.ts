import { and, eq, type SQL } from 'drizzle-orm'
import type { Executor } from '@/db'
import { recommendationRequests, type RecommendationRequest, type RequestStatus } from '@/db/schema'
import type { Move } from '@/lib/state-machine'
import { requestLifecycle, type RequestParty } from './request-lifecycle'

type StampColumns = 'openedAt' | 'respondedAt' | 'declineReason' | 'revokedAt' | 'bouncedAt'

export type RequestStatusChange = {
  to: RequestStatus
  /** Who moves it (the transition table's `by`). */
  by: RequestParty
  now: Date
  /** Other columns written with the status (when it was answered, the decline reason…). */
  set?: { [K in StampColumns]?: RecommendationRequest[K] | SQL }
  /** Further conditions the row must still meet, checked by the same statement (a live link…). */
  where?: SQL
}

/**
 * The one way a recommendation request changes status: the state machine is asked first (an
 * illegal move throws, in French), then the row is updated only if it is still in the state
 * the caller read (and meets `where`). Callers that locked the row always get the move; an
 * unlocked caller gets null when someone else moved it meanwhile, and nothing is written.
 * The update itself takes the row lock: a concurrent change waits for this transaction.
 */
export async function changeRequestStatus(
  db: Executor,
  request: { id: string; status: RequestStatus },
  change: RequestStatusChange,
): Promise<Move<RequestStatus> | null> {
  const move = requestLifecycle.transition(request.status, change.to, change.by)
  const rows = await db
    .update(recommendationRequests)
    .set({ status: change.to, updatedAt: change.now, ...change.set })
    .where(
      and(
        eq(recommendationRequests.id, request.id),
        eq(recommendationRequests.status, request.status),
        change.where,
      ),
    )
    .returning({ id: recommendationRequests.id })
  return rows.length === 0 ? null : move
}

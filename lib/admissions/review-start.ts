import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { applications, reviewAssignments } from '@/db/schema'
import { UserFacingError } from '@/lib/errors'
import { canTransition } from './application-status'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'
import { changeStatus } from './status-change'

/** A file being assigned (or becoming complete while assigned) goes under review. */
export async function startReviewIfReady(
  tx: Executor,
  applicationId: string,
  actorUserId: string | null,
) {
  const [app] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId))
  const by = actorUserId ? 'staff' : 'system'
  if (app?.status === 'complete' && canTransition('complete', 'under_review', by)) {
    const [assigned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.applicationId, applicationId))
    if ((assigned?.n ?? 0) > 0)
      await changeStatus(tx, { applicationId, to: 'under_review', by, actorUserId })
  }
}

/** "Mettre en examen": complete files of the scope go under review (others are refused with their state). */
export async function startReview(
  db: Database,
  params: { scope: StaffScope; actorUserId: string; applicationIds: string[] },
) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(inArray(applications.id, params.applicationIds), scopeCondition(params.scope)))
    if (rows.length !== params.applicationIds.length)
      throw new UserFacingError('Candidature introuvable.')
    for (const { id } of rows)
      await changeStatus(tx, {
        applicationId: id,
        to: 'under_review',
        by: 'staff',
        actorUserId: params.actorUserId,
      })
    return { started: rows.length }
  })
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { applications, memberships, reviewAssignments, reviewScores, users } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { pendingStates } from './application-status'
import { campaignOf } from './campaign-settings'
import { evenAssignments } from './review-grid'
import { startReviewIfReady } from './review-start'
import type { Actor } from '@/lib/auth/actor'

/** The establishment's reviewers (people who may score), for assignment lists. */
export async function establishmentReviewers(db: Executor, establishmentId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.establishmentId, establishmentId),
        inArray(memberships.role, ['reviewer', 'coordinator']),
      ),
    )
    .orderBy(asc(users.email))
}

async function assertReviewers(tx: Executor, establishmentId: string, reviewerIds: string[]) {
  const known = new Set((await establishmentReviewers(tx, establishmentId)).map((r) => r.id))
  if (reviewerIds.length === 0 || reviewerIds.some((id) => !known.has(id)))
    throw new UserFacingError('Choisissez des examinateurs de l’établissement.', {
      reviewerIds: ['Examinateur inconnu.'],
    })
}

async function assignablePending(tx: Executor, establishmentId: string, applicationIds: string[]) {
  const rows = await tx
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(
      and(
        eq(applications.establishmentId, establishmentId),
        inArray(applications.id, applicationIds),
      ),
    )
  if (rows.length !== applicationIds.length) throw new UserFacingError('Candidature introuvable.')
  const closed = rows.filter((r) => !(pendingStates as readonly string[]).includes(r.status))
  if (closed.length > 0)
    throw new UserFacingError(
      `${closed.length} candidature(s) ne sont plus en cours d’instruction : elles ne peuvent pas être confiées à un examinateur.`,
    )
}

/** Assigns chosen applications to one reviewer by hand (already assigned pairs are kept). */
export async function assignReviewer(
  db: Database,
  actor: Actor,
  params: { applicationIds: string[]; reviewerId: string },
) {
  if (params.applicationIds.length === 0)
    throw new UserFacingError('Sélectionnez au moins une candidature.')
  return db.transaction(async (tx) => {
    await assertReviewers(tx, actor.establishmentId, [params.reviewerId])
    await assignablePending(tx, actor.establishmentId, params.applicationIds)
    const inserted = await tx
      .insert(reviewAssignments)
      .values(
        params.applicationIds.map((applicationId) => ({
          applicationId,
          reviewerUserId: params.reviewerId,
          assignedByUserId: actor.actorUserId,
        })),
      )
      .onConflictDoNothing()
      .returning({ applicationId: reviewAssignments.applicationId })
    for (const { applicationId } of inserted) {
      await recordAudit(tx, {
        establishmentId: actor.establishmentId,
        actorUserId: actor.actorUserId,
        action: 'review.assigned',
        subjectType: 'application',
        subjectId: applicationId,
        after: { reviewerUserId: params.reviewerId },
      })
      await startReviewIfReady(tx, applicationId, actor.actorUserId)
    }
    return { assigned: inserted.length }
  })
}

/** Removes an assignment nobody has scored yet. */
export async function unassignReviewer(
  db: Database,
  actor: Actor,
  params: { applicationId: string; reviewerId: string },
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: reviewAssignments.id,
        scored: sql<number>`(select count(*)::int from ${reviewScores} where ${reviewScores.assignmentId} = ${reviewAssignments.id})`,
      })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(
        and(
          eq(reviewAssignments.applicationId, params.applicationId),
          eq(reviewAssignments.reviewerUserId, params.reviewerId),
          eq(applications.establishmentId, actor.establishmentId),
        ),
      )
    if (!row) throw new UserFacingError('Affectation introuvable.')
    if (row.scored > 0)
      throw new UserFacingError(
        'Cet examinateur a déjà noté ce dossier : l’affectation est conservée.',
      )
    await tx.delete(reviewAssignments).where(eq(reviewAssignments.id, row.id))
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'review.unassigned',
      subjectType: 'application',
      subjectId: params.applicationId,
      before: { reviewerUserId: params.reviewerId },
    })
  })
}

/**
 * Spreads a campaign's files in progress evenly over the chosen reviewers, `perFile`
 * reviewers each, counting what they already have.
 */
export async function assignEvenly(
  db: Database,
  actor: Actor,
  params: { campaignId: string; reviewerIds: string[]; perFile: number },
) {
  return db.transaction(async (tx) => {
    if (!(await campaignOf(tx, actor.establishmentId, params.campaignId)))
      throw new UserFacingError('Campagne introuvable.')
    await assertReviewers(tx, actor.establishmentId, params.reviewerIds)
    if (params.perFile > params.reviewerIds.length)
      throw new UserFacingError(
        `Choisissez au moins ${params.perFile} examinateurs pour ${params.perFile} examens par dossier.`,
        { perFile: ['Plus d’examens par dossier que d’examinateurs choisis.'] },
      )
    const files = await tx
      .select({
        id: applications.id,
        reviewers: sql<
          string[]
        >`coalesce((select array_agg(${reviewAssignments.reviewerUserId}) from ${reviewAssignments} where ${reviewAssignments.applicationId} = ${applications.id}), '{}')`,
      })
      .from(applications)
      .where(
        and(
          eq(applications.campaignId, params.campaignId),
          inArray(applications.status, pendingStates),
        ),
      )
      .orderBy(asc(applications.submittedAt), asc(applications.id))
    const loads = await tx
      .select({ reviewerId: reviewAssignments.reviewerUserId, n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(
        and(
          eq(applications.campaignId, params.campaignId),
          inArray(reviewAssignments.reviewerUserId, params.reviewerIds),
        ),
      )
      .groupBy(reviewAssignments.reviewerUserId)
    const pairs = evenAssignments(
      files,
      params.reviewerIds,
      params.perFile,
      Object.fromEntries(loads.map((l) => [l.reviewerId, l.n])),
    )
    if (pairs.length > 0) {
      await tx
        .insert(reviewAssignments)
        .values(
          pairs.map((p) => ({
            applicationId: p.fileId,
            reviewerUserId: p.reviewerId,
            assignedByUserId: actor.actorUserId,
          })),
        )
        .onConflictDoNothing()
    }
    for (const fileId of new Set(pairs.map((p) => p.fileId)))
      await startReviewIfReady(tx, fileId, actor.actorUserId)
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'review.assigned_evenly',
      subjectType: 'campaign',
      subjectId: params.campaignId,
      after: {
        reviewers: params.reviewerIds.length,
        perFile: params.perFile,
        assignments: pairs.length,
      },
    })
    return { assigned: pairs.length }
  })
}

import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  programmes,
  reviewAssignments,
  reviewScores,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { pendingStates } from './application-status'
import { campaignCriteria } from './review-criteria'

// What a reviewer does: their queue of files, their own assignment, their scores.

/** Files assigned to a reviewer, with whether they finished, newest deadline first. */
export async function reviewerQueue(db: Executor, reviewerId: string, establishmentId: string) {
  return db
    .select({
      applicationId: applications.id,
      firstName: applications.firstName,
      lastName: applications.lastName,
      status: applications.status,
      campaignName: admissionCampaigns.name,
      campaignId: admissionCampaigns.id,
      programmeName: programmes.name,
      completedAt: reviewAssignments.completedAt,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .where(
      and(
        eq(reviewAssignments.reviewerUserId, reviewerId),
        eq(applications.establishmentId, establishmentId),
      ),
    )
    .orderBy(sql`${reviewAssignments.completedAt} is not null`, asc(applications.lastName))
}

/** The reviewer's own assignment on a file, or undefined. */
export async function myAssignment(db: Executor, reviewerId: string, applicationId: string) {
  const [row] = await db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        eq(reviewAssignments.reviewerUserId, reviewerId),
      ),
    )
  if (!row) return undefined
  const scores = await db.select().from(reviewScores).where(eq(reviewScores.assignmentId, row.id))
  return {
    ...row,
    scores: Object.fromEntries(scores.map((s) => [s.criterionId, s.score])) as Record<
      string,
      number
    >,
  }
}

/**
 * Saves a reviewer's scores and comment on an application assigned to them. "Terminer"
 * requires every criterion; a draft may be partial. Scores stay within each scale.
 */
export async function saveReview(
  db: Database,
  params: {
    reviewerId: string
    establishmentId: string
    applicationId: string
    scores: Record<string, number | null | undefined>
    comment: string
    finish: boolean
    now?: Date
  },
) {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .select({
        assignment: reviewAssignments,
        campaignId: applications.campaignId,
        status: applications.status,
      })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(
        and(
          eq(reviewAssignments.applicationId, params.applicationId),
          eq(reviewAssignments.reviewerUserId, params.reviewerId),
          eq(applications.establishmentId, params.establishmentId),
        ),
      )
      .for('update', { of: reviewAssignments })
    if (!assignment) throw new UserFacingError('Ce dossier ne vous est pas confié.')
    if (!(pendingStates as readonly string[]).includes(assignment.status))
      throw new UserFacingError('La décision est prise : les notes ne peuvent plus changer.')
    const criteria = await campaignCriteria(tx, assignment.campaignId)
    const errors: Record<string, string[]> = {}
    const values: { criterionId: string; score: number }[] = []
    for (const c of criteria) {
      const raw = params.scores[c.id]
      if (raw === undefined || raw === null || Number.isNaN(raw)) {
        if (params.finish)
          errors[`scores.${c.id}`] = [`${c.label} : note obligatoire pour terminer.`]
        continue
      }
      if (!Number.isInteger(raw) || raw < 0 || raw > c.scaleMax) {
        errors[`scores.${c.id}`] = [`${c.label} : note entière entre 0 et ${c.scaleMax}.`]
        continue
      }
      values.push({ criterionId: c.id, score: raw })
    }
    if (params.comment.length > 2000) errors.comment = ['Commentaire : 2000 caractères au plus.']
    if (Object.keys(errors).length > 0)
      throw new UserFacingError('Certaines notes sont à corriger.', errors)

    const id = assignment.assignment.id
    await tx.delete(reviewScores).where(eq(reviewScores.assignmentId, id))
    if (values.length > 0)
      await tx.insert(reviewScores).values(values.map((v) => ({ assignmentId: id, ...v })))
    await tx
      .update(reviewAssignments)
      .set({
        comment: params.comment || null,
        completedAt: params.finish ? now : null,
        updatedAt: now,
      })
      .where(eq(reviewAssignments.id, id))
    await recordAudit(tx, {
      establishmentId: params.establishmentId,
      actorUserId: params.reviewerId,
      action: params.finish ? 'review.completed' : 'review.saved',
      subjectType: 'application',
      subjectId: params.applicationId,
      before: { completed: Boolean(assignment.assignment.completedAt) },
      after: {
        completed: params.finish,
        scores: Object.fromEntries(values.map((v) => [v.criterionId, v.score])),
      },
    })
    return { completed: params.finish }
  })
}

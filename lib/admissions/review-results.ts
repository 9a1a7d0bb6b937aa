import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { applications, reviewAssignments, reviewScores, users } from '@/db/schema'
import { campaignCriteria } from './review-criteria'
import { fileResult, rank } from './review-grid'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'

/** Every file of a campaign in the scope with its reviews, marks, spread and rank. */
export async function campaignRanking(db: Executor, scope: StaffScope, campaignId: string) {
  const criteria = await campaignCriteria(db, campaignId)
  const files = await db
    .select({
      id: applications.id,
      firstName: applications.firstName,
      lastName: applications.lastName,
      status: applications.status,
      submittedAt: applications.submittedAt,
      waitlistRank: applications.waitlistRank,
    })
    .from(applications)
    .where(
      and(
        eq(applications.campaignId, campaignId),
        scopeCondition(scope),
        sql`${applications.status} <> 'draft'`,
      ),
    )
  const ids = files.map((f) => f.id)
  const assignments = ids.length
    ? await db
        .select({
          id: reviewAssignments.id,
          applicationId: reviewAssignments.applicationId,
          reviewerId: reviewAssignments.reviewerUserId,
          reviewerEmail: users.email,
          reviewerName: users.name,
          completedAt: reviewAssignments.completedAt,
          comment: reviewAssignments.comment,
        })
        .from(reviewAssignments)
        .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
        .where(inArray(reviewAssignments.applicationId, ids))
    : []
  const scores = assignments.length
    ? await db
        .select()
        .from(reviewScores)
        .where(
          inArray(
            reviewScores.assignmentId,
            assignments.map((a) => a.id),
          ),
        )
    : []
  const results = files.map((file) => {
    const mine = assignments.filter((a) => a.applicationId === file.id)
    const result = fileResult(
      criteria,
      mine.map((a) => ({
        reviewerId: a.reviewerId,
        completed: Boolean(a.completedAt),
        scores: Object.fromEntries(
          scores.filter((s) => s.assignmentId === a.id).map((s) => [s.criterionId, s.score]),
        ),
      })),
    )
    return {
      ...file,
      ...result,
      reviewers: mine.map((a) => ({
        id: a.reviewerId,
        label: a.reviewerName ?? a.reviewerEmail,
        completed: Boolean(a.completedAt),
        mark: result.marks.find((m) => m.reviewerId === a.reviewerId)?.mark ?? null,
      })),
    }
  })
  return { criteria, files: rank(results) }
}
export type RankedFile = Awaited<ReturnType<typeof campaignRanking>>['files'][number]

/** Every review of one file: each reviewer's scores and comment, and the file's result. */
export async function applicationReviews(db: Executor, applicationId: string, campaignId: string) {
  const criteria = await campaignCriteria(db, campaignId)
  const assignments = await db
    .select({
      id: reviewAssignments.id,
      reviewerId: reviewAssignments.reviewerUserId,
      reviewer: sql<string>`coalesce(${users.name}, ${users.email})`,
      comment: reviewAssignments.comment,
      completedAt: reviewAssignments.completedAt,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
    .where(eq(reviewAssignments.applicationId, applicationId))
    .orderBy(asc(reviewAssignments.createdAt))
  const scores = assignments.length
    ? await db
        .select()
        .from(reviewScores)
        .where(
          inArray(
            reviewScores.assignmentId,
            assignments.map((a) => a.id),
          ),
        )
    : []
  const reviews = assignments.map((a) => ({
    ...a,
    scores: Object.fromEntries(
      scores.filter((s) => s.assignmentId === a.id).map((s) => [s.criterionId, s.score]),
    ) as Record<string, number>,
  }))
  const result = fileResult(
    criteria,
    reviews.map((r) => ({
      reviewerId: r.reviewerId,
      completed: Boolean(r.completedAt),
      scores: r.scores,
    })),
  )
  return { criteria, reviews, result }
}

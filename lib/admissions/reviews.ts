import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  memberships,
  programmes,
  reviewAssignments,
  reviewCriteria,
  reviewScores,
  users,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { canTransition, pendingStates } from './application-status'
import { evenAssignments, fileResult, rank, type Criterion } from './review-grid'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'
import { changeStatus } from './status-change'

type Actor = { establishmentId: string; actorUserId: string }

export async function campaignCriteria(
  db: Executor,
  campaignId: string,
): Promise<(Criterion & { label: string; position: number })[]> {
  const rows = await db
    .select()
    .from(reviewCriteria)
    .where(eq(reviewCriteria.campaignId, campaignId))
    .orderBy(asc(reviewCriteria.position))
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    scaleMax: r.scaleMax,
    weight: Number(r.weight),
    position: r.position,
  }))
}

async function ownCampaign(tx: Executor, establishmentId: string, campaignId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(campaignId)) throw new UserFacingError('Campagne introuvable.')
  const [row] = await tx
    .select({ id: admissionCampaigns.id })
    .from(admissionCampaigns)
    .where(
      and(
        eq(admissionCampaigns.id, campaignId),
        eq(admissionCampaigns.establishmentId, establishmentId),
      ),
    )
  if (!row) throw new UserFacingError('Campagne introuvable.')
}

async function scoresExist(tx: Executor, criterionId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewScores)
    .where(eq(reviewScores.criterionId, criterionId))
  return (row?.n ?? 0) > 0
}

export type CriterionInput = { label: string; scaleMax: number; weight: number }

/** Adds a criterion to a campaign's grid (reviews already finished get re-opened by nothing: their mark simply waits for it). */
export async function addCriterion(
  db: Database,
  actor: Actor,
  campaignId: string,
  input: CriterionInput,
) {
  await db.transaction(async (tx) => {
    await ownCampaign(tx, actor.establishmentId, campaignId)
    const existing = await tx
      .select({ position: reviewCriteria.position })
      .from(reviewCriteria)
      .where(eq(reviewCriteria.campaignId, campaignId))
    if (existing.length >= 15) throw new UserFacingError('15 critères au plus.')
    const position = existing.reduce((max, c) => Math.max(max, c.position + 1), 0)
    await tx.insert(reviewCriteria).values({ campaignId, position, ...input })
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.criterion_added',
      subjectType: 'campaign',
      subjectId: campaignId,
      after: input,
    })
  })
}

/** Label and weight change freely (marks are recomputed); the scale is fixed once someone scored. */
export async function updateCriterion(
  db: Database,
  actor: Actor,
  campaignId: string,
  criterionId: string,
  input: CriterionInput,
) {
  await db.transaction(async (tx) => {
    await ownCampaign(tx, actor.establishmentId, campaignId)
    const [current] = await tx
      .select()
      .from(reviewCriteria)
      .where(and(eq(reviewCriteria.id, criterionId), eq(reviewCriteria.campaignId, campaignId)))
      .for('update')
    if (!current) throw new UserFacingError('Critère introuvable.')
    if (current.scaleMax !== input.scaleMax && (await scoresExist(tx, criterionId))) {
      throw new UserFacingError(
        'Des notes ont déjà été données sur ce critère : son barème ne peut plus changer.',
        { scaleMax: ['Barème verrouillé : des notes existent déjà.'] },
      )
    }
    await tx.update(reviewCriteria).set(input).where(eq(reviewCriteria.id, criterionId))
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.criterion_updated',
      subjectType: 'campaign',
      subjectId: campaignId,
      before: { label: current.label, scaleMax: current.scaleMax, weight: Number(current.weight) },
      after: input,
    })
  })
}

export async function removeCriterion(
  db: Database,
  actor: Actor,
  campaignId: string,
  criterionId: string,
) {
  await db.transaction(async (tx) => {
    await ownCampaign(tx, actor.establishmentId, campaignId)
    if (await scoresExist(tx, criterionId))
      throw new UserFacingError(
        'Des notes ont déjà été données sur ce critère : il ne peut plus être supprimé.',
      )
    const removed = await tx
      .delete(reviewCriteria)
      .where(and(eq(reviewCriteria.id, criterionId), eq(reviewCriteria.campaignId, campaignId)))
      .returning({ label: reviewCriteria.label })
    if (removed.length === 0) throw new UserFacingError('Critère introuvable.')
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.criterion_removed',
      subjectType: 'campaign',
      subjectId: campaignId,
      before: { criterionId, label: removed[0]!.label },
    })
  })
}

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
  const actor = actorUserId ? 'staff' : 'system'
  if (app?.status === 'complete' && canTransition('complete', 'under_review', actor)) {
    const [assigned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.applicationId, applicationId))
    if ((assigned?.n ?? 0) > 0)
      await changeStatus(tx, { applicationId, to: 'under_review', actor, actorUserId })
  }
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
    await ownCampaign(tx, actor.establishmentId, params.campaignId)
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
        actor: 'staff',
        actorUserId: params.actorUserId,
      })
    return { started: rows.length }
  })
}

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

import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { reviewCriteria, reviewScores } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { campaignOf } from './campaign-settings'
import type { Criterion } from './review-grid'
import type { Actor } from '@/lib/auth/actor'

/** A campaign's review grid, in order. */
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
  if (!(await campaignOf(tx, establishmentId, campaignId)))
    throw new UserFacingError('Campagne introuvable.')
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

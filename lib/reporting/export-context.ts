import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  campaignDocuments,
  recommendationQuestions,
  reviewAssignments,
  reviewCriteria,
} from '@/db/schema'
import type { ListParams } from '@/lib/admissions/list-params'
import { applicationFilters } from '@/lib/admissions/staff-applications'
import type { StaffScope } from '@/lib/auth/staff-context'

export type ExportCriterion = {
  id: string
  label: string
  scaleMax: number
  weight: number
  campaignId: string
}

/**
 * What the exported campaigns ask for, which decides how many columns the column families
 * expand into: recommenders and their questions, documents, criteria, reviewers.
 */
export type ExportContext = {
  /** Recommenders per application: the most any exported campaign requires (at least 1). */
  slots: number
  scaleLabels: string[]
  textLabels: string[]
  documentNames: string[]
  criteria: ExportCriterion[]
  /** Criterion labels across campaigns, once each: one column per label. */
  criterionLabels: string[]
  /** The most reviewers any exported application has. */
  reviewerSlots: number
  /** The clock the recommendation statuses are computed at, the same for every row. */
  now: Date
}

export async function exportContext(
  db: Executor,
  scope: StaffScope,
  params: ListParams,
  now = new Date(),
): Promise<ExportContext> {
  const campaigns = await db
    .select({ id: admissionCampaigns.id, required: admissionCampaigns.requiredRecommendations })
    .from(admissionCampaigns)
    .where(
      and(
        eq(admissionCampaigns.establishmentId, scope.establishmentId),
        params.campaignId ? eq(admissionCampaigns.id, params.campaignId) : undefined,
      ),
    )
  const ids = campaigns.map((c) => c.id)
  if (ids.length === 0)
    return {
      slots: 0,
      scaleLabels: [],
      textLabels: [],
      documentNames: [],
      criteria: [],
      criterionLabels: [],
      reviewerSlots: 0,
      now,
    }
  const [questions, requirements, criteria] = await Promise.all([
    db
      .select({ label: recommendationQuestions.label, kind: recommendationQuestions.kind })
      .from(recommendationQuestions)
      .where(inArray(recommendationQuestions.campaignId, ids))
      .orderBy(asc(recommendationQuestions.position)),
    db
      .select({ name: campaignDocuments.name })
      .from(campaignDocuments)
      .where(inArray(campaignDocuments.campaignId, ids))
      .orderBy(asc(campaignDocuments.position)),
    db
      .select()
      .from(reviewCriteria)
      .where(inArray(reviewCriteria.campaignId, ids))
      .orderBy(asc(reviewCriteria.position)),
  ])
  const filtered = db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .where(applicationFilters(scope, params))
  const counts = db
    .select({ c: sql<number>`count(*)`.as('c') })
    .from(reviewAssignments)
    .where(inArray(reviewAssignments.applicationId, filtered))
    .groupBy(reviewAssignments.applicationId)
    .as('counts')
  const [reviewers] = await db
    .select({ n: sql<number>`coalesce(max(${counts.c}), 0)::int` })
    .from(counts)
  return {
    slots: Math.max(1, ...campaigns.map((c) => c.required)),
    scaleLabels: [...new Set(questions.filter((q) => q.kind === 'scale').map((q) => q.label))],
    textLabels: [...new Set(questions.filter((q) => q.kind === 'text').map((q) => q.label))],
    documentNames: [...new Set(requirements.map((r) => r.name))],
    criteria: criteria.map((c) => ({
      id: c.id,
      label: c.label,
      scaleMax: c.scaleMax,
      weight: Number(c.weight),
      campaignId: c.campaignId,
    })),
    criterionLabels: [...new Set(criteria.map((c) => c.label))],
    reviewerSlots: reviewers?.n ?? 0,
    now,
  }
}

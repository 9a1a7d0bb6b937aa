import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applicationDocuments,
  applications,
  campaignDocuments,
  decisionMotivations,
  decisions,
  emailOutbox,
  programmes,
  recommendationRequests,
  recommendations,
  reviewAssignments,
  reviewScores,
  users,
  type DecisionOutcome,
  type DocumentStatus,
  type Opinion,
  type RecommendationAnswer,
  type RequestStatus,
} from '@/db/schema'
import type { ListParams } from '@/lib/admissions/list-params'
import { fileResult, type FileResult } from '@/lib/admissions/review-grid'
import { applicationFilters } from '@/lib/admissions/staff-applications'
import type { StaffScope } from '@/lib/auth/staff-context'
import type { ExportContext, ExportCriterion } from './export-context'

/** What a row may carry beyond the application itself; each column says what it reads. */
export type ExportLookup = 'recommendations' | 'documents' | 'reviews' | 'decision'

export type ExportRequest = {
  slot: number
  recommenderName: string
  recommenderPosition: string
  recommenderEmail: string
  status: RequestStatus
  expiresAt: Date
  invitationStatus: string | null
  /** The recommendation once submitted; drafts are not exported. */
  submitted: {
    submittedAt: Date
    opinion: Opinion | null
    phone: string | null
    phoneConfirmed: boolean
    verificationCode: string | null
    answers: RecommendationAnswer[] | null
  } | null
}

export type ExportDocument = {
  status: DocumentStatus
  fileName: string
  uploadedAt: Date
  refusalReason: string | null
}

export type ExportReview = {
  reviewerId: string
  reviewer: string
  completed: boolean
  comment: string | null
  /** Score by criterion id. */
  scores: Record<string, number>
}

export type ExportRow = {
  application: {
    id: string
    campaignId: string
    status: (typeof applications.$inferSelect)['status']
    email: string
    civility: string | null
    firstName: string | null
    lastName: string | null
    birthDate: string | null
    phone: string | null
    addressLine: string | null
    postalCode: string | null
    city: string | null
    country: string | null
    diploma: string | null
    currentEstablishment: string | null
    specialty: string | null
    graduationYear: number | null
    motivation: string | null
    createdAt: Date
    submittedAt: Date | null
    decidedAt: Date | null
    withdrawnAt: Date | null
    waitlistRank: number | null
    responseDeadline: Date | null
    answeredAt: Date | null
  }
  campaignName: string
  programmeName: string
  requiredRecommendations: number
  /** Received recommendations, as counted on the application (kept by a trigger). */
  receivedRecommendations: number
  /** Live (not replaced) recommendation requests, by slot. Empty unless looked up. */
  requests: ExportRequest[]
  /** The application's documents by the name the campaign gives them. Empty unless looked up. */
  documents: Map<string, ExportDocument>
  /** Reviews in the order reviewers were assigned. Empty unless looked up. */
  reviews: ExportReview[]
  /** The criteria of the application's campaign, and its marks from the reviews. */
  criteria: ExportCriterion[]
  result: FileResult
  /** The latest published decision. */
  decision: {
    outcome: DecisionOutcome
    motivation: string | null
    motivationText: string | null
  } | null
}

// Each lookup is one correlated subquery aggregated to JSON, so that a batch of applications
// comes with everything in one query: one round trip per batch, not six.
const requestsJson = sql<RawRequest[]>`(select coalesce(json_agg(json_build_object(
    'slot', ${recommendationRequests.slot},
    'recommenderName', ${recommendationRequests.recommenderName},
    'recommenderPosition', ${recommendationRequests.recommenderPosition},
    'recommenderEmail', ${recommendationRequests.recommenderEmail},
    'status', ${recommendationRequests.status},
    'expiresAt', ${recommendationRequests.expiresAt},
    'invitationStatus', ${emailOutbox.status},
    'submitted', case when ${recommendations.submittedAt} is not null then json_build_object(
      'submittedAt', ${recommendations.submittedAt},
      'opinion', ${recommendations.opinion},
      'phone', ${recommendations.phone},
      'phoneConfirmed', ${recommendations.phoneConfirmed},
      'verificationCode', ${recommendations.verificationCode},
      'answers', ${recommendations.submittedAnswers}) end
  ) order by ${recommendationRequests.slot}), '[]'::json)
  from ${recommendationRequests}
  left join ${recommendations} on ${recommendations.requestId} = ${recommendationRequests.id}
  left join ${emailOutbox} on ${emailOutbox.id} = ${recommendationRequests.invitationEmailId}
  where ${recommendationRequests.applicationId} = ${applications.id}
    and ${recommendationRequests.status} <> 'revoked')`

const documentsJson = sql<RawDocument[]>`(select coalesce(json_agg(json_build_object(
    'name', ${campaignDocuments.name},
    'status', ${applicationDocuments.status},
    'fileName', ${applicationDocuments.fileName},
    'uploadedAt', ${applicationDocuments.uploadedAt},
    'refusalReason', ${applicationDocuments.refusalReason})), '[]'::json)
  from ${applicationDocuments}
  join ${campaignDocuments} on ${campaignDocuments.id} = ${applicationDocuments.campaignDocumentId}
  where ${applicationDocuments.applicationId} = ${applications.id})`

const reviewsJson = sql<ExportReview[]>`(select coalesce(json_agg(json_build_object(
    'reviewerId', ${reviewAssignments.reviewerUserId},
    'reviewer', coalesce(${users.name}, ${users.email}),
    'completed', ${reviewAssignments.completedAt} is not null,
    'comment', ${reviewAssignments.comment},
    'scores', coalesce((select json_object_agg(${reviewScores.criterionId}, ${reviewScores.score})
      from ${reviewScores} where ${reviewScores.assignmentId} = ${reviewAssignments.id}), '{}'::json)
  ) order by ${reviewAssignments.createdAt}), '[]'::json)
  from ${reviewAssignments}
  join ${users} on ${users.id} = ${reviewAssignments.reviewerUserId}
  where ${reviewAssignments.applicationId} = ${applications.id})`

const decisionJson = sql<ExportRow['decision']>`(select json_build_object(
    'outcome', ${decisions.outcome},
    'motivation', ${decisionMotivations.label},
    'motivationText', ${decisions.motivationText})
  from ${decisions}
  left join ${decisionMotivations} on ${decisionMotivations.id} = ${decisions.motivationId}
  where ${decisions.applicationId} = ${applications.id} and ${decisions.publishedAt} is not null
  order by ${decisions.publishedAt} desc limit 1)`

// JSON carries dates as ISO strings.
type RawRequest = Omit<ExportRequest, 'expiresAt' | 'submitted'> & {
  expiresAt: string
  submitted:
    (Omit<NonNullable<ExportRequest['submitted']>, 'submittedAt'> & { submittedAt: string }) | null
}
type RawDocument = Omit<ExportDocument, 'uploadedAt'> & { name: string; uploadedAt: string }

const none = sql<null>`null`

/**
 * The filtered view in batches of `batchSize` applications in id order (keyset: no OFFSET),
 * each application with what `lookups` asks for. An export never holds more than a batch.
 */
export async function* exportRows(
  db: Executor,
  scope: StaffScope,
  params: ListParams,
  ctx: ExportContext,
  lookups: ReadonlySet<ExportLookup>,
  batchSize = 1000,
): AsyncGenerator<ExportRow[]> {
  const where = applicationFilters(scope, params)
  const criteriaOf = new Map<string, ExportCriterion[]>()
  for (const c of ctx.criteria)
    criteriaOf.set(c.campaignId, [...(criteriaOf.get(c.campaignId) ?? []), c])
  const read = (after: string | undefined) =>
    db
      .select({
        application: {
          id: applications.id,
          campaignId: applications.campaignId,
          status: applications.status,
          email: applications.email,
          civility: applications.civility,
          firstName: applications.firstName,
          lastName: applications.lastName,
          birthDate: applications.birthDate,
          phone: applications.phone,
          addressLine: applications.addressLine,
          postalCode: applications.postalCode,
          city: applications.city,
          country: applications.country,
          diploma: applications.diploma,
          currentEstablishment: applications.currentEstablishment,
          specialty: applications.specialty,
          graduationYear: applications.graduationYear,
          motivation: applications.motivation,
          createdAt: applications.createdAt,
          submittedAt: applications.submittedAt,
          decidedAt: applications.decidedAt,
          withdrawnAt: applications.withdrawnAt,
          waitlistRank: applications.waitlistRank,
          responseDeadline: applications.responseDeadline,
          answeredAt: applications.answeredAt,
        },
        campaignName: admissionCampaigns.name,
        programmeName: programmes.name,
        requiredRecommendations: admissionCampaigns.requiredRecommendations,
        receivedRecommendations: applications.receivedRecommendations,
        requests: lookups.has('recommendations') ? requestsJson : none,
        documents: lookups.has('documents') ? documentsJson : none,
        reviews: lookups.has('reviews') ? reviewsJson : none,
        decision: lookups.has('decision') ? decisionJson : none,
      })
      .from(applications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .where(after ? and(where, gt(applications.id, after)) : where)
      .orderBy(asc(applications.id))
      .limit(batchSize)
      .execute()
  let next = read(undefined)
  try {
    for (;;) {
      const batch = await next
      if (batch.length === 0) return
      // The database reads the next batch while this one is formatted and sent.
      next = batch.length === batchSize ? read(batch.at(-1)!.application.id) : Promise.resolve([])
      yield batch.map((row) => exportRow(row, criteriaOf.get(row.application.campaignId) ?? []))
    }
  } finally {
    // A reader who stops early leaves a batch in flight: nobody waits for it.
    next.catch(() => {})
  }
}

type BatchRow = Omit<ExportRow, 'requests' | 'documents' | 'reviews' | 'criteria' | 'result'> & {
  requests: RawRequest[] | null
  documents: RawDocument[] | null
  reviews: ExportReview[] | null
}

/** A row as the columns read it: dates parsed, documents by name, the file's marks. */
function exportRow(row: BatchRow, criteria: ExportCriterion[]): ExportRow {
  const reviews = row.reviews ?? []
  const documents = new Map<string, ExportDocument>()
  for (const d of row.documents ?? [])
    if (!documents.has(d.name))
      documents.set(d.name, {
        status: d.status,
        fileName: d.fileName,
        uploadedAt: new Date(d.uploadedAt),
        refusalReason: d.refusalReason,
      })
  return {
    ...row,
    requests: (row.requests ?? []).map((r) => ({
      ...r,
      expiresAt: new Date(r.expiresAt),
      submitted: r.submitted
        ? { ...r.submitted, submittedAt: new Date(r.submitted.submittedAt) }
        : null,
    })),
    documents,
    reviews,
    criteria,
    result: fileResult(criteria, reviews),
  }
}

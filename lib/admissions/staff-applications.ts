import { and, asc, desc, eq, gt, gte, inArray, like, lt, ne, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  emailOutbox,
  programmes,
  recommendationLinks,
  recommendationQuestions,
  recommendationRequests,
  recommendations,
} from '@/db/schema'
import { searchable } from '@/lib/text'
import type { ListParams, SortKey } from './list-params'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'
import { isUuid } from '@/lib/validation/uuid'

// Sorting only ever uses these expressions: the URL chooses a key, never SQL. Each has its
// index (applications_staff_*_idx), read in either direction.
const sortExpressions: Record<SortKey, SQL | AnyPgColumn> = {
  name: sql`lower(${applications.lastName})`,
  submittedAt: applications.submittedAt,
  status: applications.status,
  received: applications.receivedRecommendations,
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Filters of the staff table, always within one establishment; they read applications only. */
export function applicationFilters(
  scope: StaffScope,
  params: Pick<ListParams, 'status' | 'recommendations' | 'search' | 'campaignId'>,
): SQL {
  const conditions: SQL[] = [scopeCondition(scope)]
  if (params.status === 'pastDraft') conditions.push(ne(applications.status, 'draft'))
  else if (params.status !== 'all') conditions.push(eq(applications.status, params.status))
  if (params.campaignId) conditions.push(eq(applications.campaignId, params.campaignId))
  if (params.recommendations === 'complete')
    conditions.push(gte(applications.receivedRecommendations, applications.requiredRecommendations))
  if (params.recommendations === 'incomplete')
    conditions.push(lt(applications.receivedRecommendations, applications.requiredRecommendations))
  for (const word of searchable(params.search).split(' ').filter(Boolean).slice(0, 5)) {
    conditions.push(like(applications.searchText, `%${escapeLike(word)}%`))
  }
  return and(...conditions)!
}

export const applicationRowColumns = {
  id: applications.id,
  status: applications.status,
  firstName: applications.firstName,
  lastName: applications.lastName,
  email: applications.email,
  diploma: applications.diploma,
  currentEstablishment: applications.currentEstablishment,
  submittedAt: applications.submittedAt,
  campaignId: applications.campaignId,
  campaignName: admissionCampaigns.name,
  programmeName: programmes.name,
  required: admissionCampaigns.requiredRecommendations,
  received: applications.receivedRecommendations,
  requested: applications.requestedRecommendations,
}

/** One page of the establishment's applications, sorted and filtered by the database. */
export async function listApplications(db: Executor, scope: StaffScope, params: ListParams) {
  const where = applicationFilters(scope, params)
  const direction = params.direction === 'asc' ? asc : desc
  // Ties are broken by id in the same direction, so that one index serves both.
  const order = [direction(sortExpressions[params.sort]), direction(applications.id)]
  // The page's ids first: the sort's index holds every column the filters read, so a deep
  // page skips index entries instead of rows; then the rows of those ids only.
  const pageIds = db
    .select({ id: applications.id })
    .from(applications)
    .where(where)
    .orderBy(...order)
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize)
  const [rows, [total]] = await Promise.all([
    db
      .select(applicationRowColumns)
      .from(applications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .where(inArray(applications.id, pageIds))
      .orderBy(...order),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(where),
  ])
  return { rows, total: total?.n ?? 0 }
}
export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>['rows'][number]

/** Batches of the filtered view in a stable order, for streamed exports. */
export async function* applicationBatches(
  db: Executor,
  scope: StaffScope,
  params: ListParams,
  batchSize = 500,
) {
  const where = applicationFilters(scope, params)
  let after: string | undefined
  for (;;) {
    const rows = await db
      .select({ ...applicationRowColumns, application: applications })
      .from(applications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .where(after ? and(where, gt(applications.id, after)) : where)
      .orderBy(asc(applications.id))
      .limit(batchSize)
    if (rows.length === 0) return
    yield rows
    after = rows.at(-1)!.id
    if (rows.length < batchSize) return
  }
}

/** Requests (live ones) with their submitted recommendation, for a set of applications. */
export async function recommendationsFor(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return []
  return db
    .select({
      request: recommendationRequests,
      recommendation: recommendations,
      invitationStatus: emailOutbox.status,
    })
    .from(recommendationRequests)
    .leftJoin(recommendations, eq(recommendations.requestId, recommendationRequests.id))
    .leftJoin(emailOutbox, eq(emailOutbox.id, recommendationRequests.invitationEmailId))
    .where(
      and(
        inArray(recommendationRequests.applicationId, applicationIds),
        ne(recommendationRequests.status, 'revoked'),
      ),
    )
    .orderBy(asc(recommendationRequests.slot))
}

/** One application of the establishment with everything the staff detail page shows. */
export async function applicationDetail(db: Executor, scope: StaffScope, applicationId: string) {
  if (!isUuid(applicationId)) return undefined
  const [row] = await db
    .select({
      application: applications,
      campaignName: admissionCampaigns.name,
      programmeName: programmes.name,
      required: admissionCampaigns.requiredRecommendations,
      campaignId: admissionCampaigns.id,
    })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .where(and(eq(applications.id, applicationId), scopeCondition(scope)))
  if (!row) return undefined
  const requests = await recommendationsFor(db, [applicationId])
  const links = requests.length
    ? await db
        .select()
        .from(recommendationLinks)
        .where(
          inArray(
            recommendationLinks.requestId,
            requests.map((r) => r.request.id),
          ),
        )
    : []
  const questions = await db
    .select()
    .from(recommendationQuestions)
    .where(eq(recommendationQuestions.campaignId, row.campaignId))
    .orderBy(asc(recommendationQuestions.position))
  return {
    ...row,
    questions,
    requests: requests.map((r) => ({
      ...r,
      links: links.filter((l) => l.requestId === r.request.id),
    })),
  }
}
export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof applicationDetail>>>

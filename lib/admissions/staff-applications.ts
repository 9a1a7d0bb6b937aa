import { and, asc, desc, eq, gt, inArray, like, ne, sql, type SQL } from 'drizzle-orm'
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

const receivedCount = sql<number>`(select count(*)::int from ${recommendationRequests} r where r.application_id = ${applications.id} and r.status = 'received')`
const requestedCount = sql<number>`(select count(*)::int from ${recommendationRequests} r where r.application_id = ${applications.id} and r.status <> 'revoked')`

// Sorting only ever uses these expressions: the URL chooses a key, never SQL.
const sortExpressions: Record<SortKey, SQL> = {
  nom: sql`lower(${applications.lastName})`,
  depot: sql`${applications.submittedAt}`,
  statut: sql`${applications.status}`,
  recues: receivedCount,
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Filters of the staff table, always within one establishment. */
export function applicationFilters(
  scope: StaffScope,
  params: Pick<ListParams, 'statut' | 'recos' | 'q' | 'campagne'>,
): SQL {
  const conditions: SQL[] = [scopeCondition(scope)]
  if (params.statut === 'deposees') conditions.push(ne(applications.status, 'draft'))
  else if (params.statut !== 'tous') conditions.push(eq(applications.status, params.statut))
  if (params.campagne) conditions.push(eq(applications.campaignId, params.campagne))
  if (params.recos === 'completes')
    conditions.push(sql`${receivedCount} >= ${admissionCampaigns.requiredRecommendations}`)
  if (params.recos === 'incompletes')
    conditions.push(sql`${receivedCount} < ${admissionCampaigns.requiredRecommendations}`)
  for (const word of searchable(params.q).split(' ').filter(Boolean).slice(0, 5)) {
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
  received: receivedCount,
  requested: requestedCount,
}

/** One page of the establishment's applications, sorted and filtered by the database. */
export async function listApplications(db: Executor, scope: StaffScope, params: ListParams) {
  const where = applicationFilters(scope, params)
  const order = params.ordre === 'asc' ? asc : desc
  const [rows, [total]] = await Promise.all([
    db
      .select(applicationRowColumns)
      .from(applications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .where(where)
      .orderBy(order(sortExpressions[params.tri]), asc(applications.id))
      .limit(params.taille)
      .offset((params.page - 1) * params.taille),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
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
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return undefined
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

import { and, asc, eq, gt, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import '@/lib/validation/french-messages'
import { z } from 'zod'
import type { Executor } from '@/db'
import { admissionCampaigns, departments, establishments, programmes } from '@/db/schema'
import { searchable } from '@/lib/text'
import { queryText } from '@/lib/validation/text'

export const CATALOGUE_PAGE_SIZE = 12

// The catalogue's state in the URL: ?q=…&departement=…&niveau=…&page=…
export const catalogueParamsSchema = z.object({
  q: queryText(100),
  departement: queryText(120),
  niveau: queryText(60),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type CatalogueParams = z.output<typeof catalogueParamsSchema>

export function parseCatalogueParams(
  search: Record<string, string | string[] | undefined>,
): CatalogueParams {
  return catalogueParamsSchema.parse(
    Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  )
}

// Lower-case and accent-free in SQL, to match searchable() on the typed words.
const folded = (column: SQLWrapper) =>
  sql`translate(lower(${column}), 'àâäáãéèêëíìîïóòôöõúùûüçñœ', 'aaaaaeeeeiiiiooooouuuucno')`
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function openNow(now: Date): SQL {
  return and(lte(admissionCampaigns.opensAt, now), gt(admissionCampaigns.closesAt, now))!
}

/** Open campaigns matching the search and filters, one page, soonest closing first. */
export async function searchCatalogue(
  db: Executor,
  params: CatalogueParams,
  now: Date = new Date(),
) {
  const conditions: SQL[] = [openNow(now)]
  if (params.departement) conditions.push(eq(departments.name, params.departement))
  if (params.niveau) conditions.push(eq(programmes.level, params.niveau))
  for (const word of searchable(params.q).split(' ').filter(Boolean).slice(0, 5)) {
    const pattern = `%${escapeLike(word)}%`
    conditions.push(
      sql`(${folded(programmes.name)} like ${pattern} or ${folded(sql`coalesce(${programmes.description}, '')`)} like ${pattern} or ${folded(establishments.name)} like ${pattern} or ${folded(establishments.city)} like ${pattern} or ${folded(sql`coalesce(${departments.name}, '')`)} like ${pattern})`,
    )
  }
  const where = and(...conditions)
  const base = () =>
    db
      .select({
        id: admissionCampaigns.id,
        name: admissionCampaigns.name,
        description: admissionCampaigns.description,
        closesAt: admissionCampaigns.closesAt,
        requiredRecommendations: admissionCampaigns.requiredRecommendations,
        programmeName: programmes.name,
        programmeDescription: programmes.description,
        level: programmes.level,
        departmentName: departments.name,
        establishmentName: establishments.name,
        establishmentCity: establishments.city,
      })
      .from(admissionCampaigns)
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .leftJoin(departments, eq(departments.id, programmes.departmentId))
      .innerJoin(establishments, eq(establishments.id, admissionCampaigns.establishmentId))
  const [rows, [count]] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(admissionCampaigns.closesAt), asc(programmes.name), asc(admissionCampaigns.id))
      .limit(CATALOGUE_PAGE_SIZE)
      .offset((params.page - 1) * CATALOGUE_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(admissionCampaigns)
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .leftJoin(departments, eq(departments.id, programmes.departmentId))
      .innerJoin(establishments, eq(establishments.id, admissionCampaigns.establishmentId))
      .where(where),
  ])
  return { rows, total: count?.n ?? 0 }
}
export type CatalogueEntry = Awaited<ReturnType<typeof searchCatalogue>>['rows'][number]

/** The departments and levels that open campaigns have, for the filters. */
export async function catalogueFacets(db: Executor, now: Date = new Date()) {
  const rows = await db
    .selectDistinct({ department: departments.name, level: programmes.level })
    .from(admissionCampaigns)
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .leftJoin(departments, eq(departments.id, programmes.departmentId))
    .where(openNow(now))
  const sorted = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) =>
      a.localeCompare(b, 'fr'),
    )
  return {
    departments: sorted(rows.map((r) => r.department)),
    levels: sorted(rows.map((r) => r.level)),
  }
}

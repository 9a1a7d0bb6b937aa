import { z } from 'zod'
import '@/lib/validation/french-messages'
import { queryText } from '@/lib/validation/text'
import { applicationStates, type ApplicationState } from './application-status'

export const PAGE_SIZES = [20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export const sortKeys = ['name', 'submittedAt', 'status', 'received'] as const
export type SortKey = (typeof sortKeys)[number]
export type SortDirection = 'asc' | 'desc'

/** Which files by state: every file past the draft (the default view), all of them, or one state. */
export type StatusFilter = 'pastDraft' | 'all' | ApplicationState
export const recommendationFilters = ['all', 'complete', 'incomplete'] as const
export type RecommendationFilter = (typeof recommendationFilters)[number]

/** The staff table's state, read once from the URL. */
export type ListParams = {
  page: number
  pageSize: PageSize
  sort: SortKey
  direction: SortDirection
  status: StatusFilter
  recommendations: RecommendationFilter
  search: string
  campaignId?: string
}

// The words the URL uses (French: people read and share it) for each value of the code.
const sortWords: Record<SortKey, string> = {
  name: 'nom',
  submittedAt: 'depot',
  status: 'statut',
  received: 'recues',
}
// A state is written as its code (statut=admitted), as links and bookmarks already have it.
const statusWords: Record<'pastDraft' | 'all', string> = { pastDraft: 'deposees', all: 'tous' }
const recommendationWords: Record<RecommendationFilter, string> = {
  all: 'toutes',
  complete: 'completes',
  incomplete: 'incompletes',
}

const fromWord = <T extends string>(words: Record<T, string>, word: string) =>
  (Object.keys(words) as T[]).find((key) => words[key] === word)

const statusWord = (status: StatusFilter) =>
  status === 'pastDraft' || status === 'all' ? statusWords[status] : status

// The URL as it may arrive. Anything unexpected falls back to a default instead of failing.
const urlSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  taille: z.coerce
    .number()
    .refine((v): v is PageSize => (PAGE_SIZES as readonly number[]).includes(v))
    .catch(20),
  tri: z.string().catch(''),
  ordre: z.enum(['asc', 'desc']).catch('desc'),
  statut: z.string().catch(''),
  recos: z.string().catch(''),
  q: queryText(100),
  campagne: z.uuid().optional().catch(undefined),
})

const defaults: ListParams = {
  page: 1,
  pageSize: 20,
  sort: 'submittedAt',
  direction: 'desc',
  status: 'pastDraft',
  recommendations: 'all',
  search: '',
}

export function parseListParams(
  search: Record<string, string | string[] | undefined> | URLSearchParams,
): ListParams {
  const entries =
    search instanceof URLSearchParams
      ? Object.fromEntries(search)
      : Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const url = urlSchema.parse(entries)
  const state = (applicationStates as readonly string[]).includes(url.statut)
    ? (url.statut as ApplicationState)
    : undefined
  return {
    page: url.page,
    pageSize: url.taille as PageSize,
    sort: fromWord(sortWords, url.tri) ?? defaults.sort,
    direction: url.ordre,
    status: state ?? fromWord(statusWords, url.statut) ?? defaults.status,
    recommendations: fromWord(recommendationWords, url.recos) ?? defaults.recommendations,
    search: url.q,
    campaignId: url.campagne,
  }
}

/** The URL's words for `params`, every key present: what the filter form's fields hold. */
export function listUrlValues(params: ListParams) {
  return {
    page: String(params.page),
    taille: String(params.pageSize),
    tri: sortWords[params.sort],
    ordre: params.direction,
    statut: statusWord(params.status),
    recos: recommendationWords[params.recommendations],
    q: params.search,
    campagne: params.campaignId ?? '',
  }
}

/** The query string for `params` changed by `patch`, defaults left out. */
export function listQuery(params: ListParams, patch: Partial<ListParams> = {}): string {
  const values = listUrlValues({ ...params, ...patch })
  const unchanged = listUrlValues(defaults)
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(values) as [keyof typeof values, string][]) {
    if (value === '' || value === unchanged[key]) continue
    out.set(key, value)
  }
  const s = out.toString()
  return s ? `?${s}` : ''
}

import { z } from 'zod'
import '@/lib/validation/french-messages'
import { queryText } from '@/lib/validation/text'
import { applicationStates } from './application-status'

export const PAGE_SIZES = [20, 50, 100] as const
export const sortKeys = ['nom', 'depot', 'statut', 'recues'] as const
export type SortKey = (typeof sortKeys)[number]

// The staff table's state, as it appears in the URL (French names: people read and share it).
// Anything unexpected falls back to a default instead of failing.
export const listParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  taille: z.coerce
    .number()
    .refine((v) => (PAGE_SIZES as readonly number[]).includes(v))
    .catch(20),
  tri: z.enum(sortKeys).catch('depot'),
  ordre: z.enum(['asc', 'desc']).catch('desc'),
  // 'deposees': every file past the draft (the default view); 'tous' includes drafts.
  statut: z.enum(['deposees', 'tous', ...applicationStates]).catch('deposees'),
  recos: z.enum(['toutes', 'completes', 'incompletes']).catch('toutes'),
  q: queryText(100),
  campagne: z.uuid().optional().catch(undefined),
})
export type ListParams = z.output<typeof listParamsSchema>

export function parseListParams(
  search: Record<string, string | string[] | undefined> | URLSearchParams,
): ListParams {
  const entries =
    search instanceof URLSearchParams
      ? Object.fromEntries(search)
      : Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  return listParamsSchema.parse(entries)
}

/** The query string for `params` changed by `patch`, defaults left out. */
export function listQuery(params: ListParams, patch: Partial<ListParams> = {}): string {
  const merged = { ...params, ...patch }
  const defaults = listParamsSchema.parse({})
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || value === (defaults as Record<string, unknown>)[key])
      continue
    out.set(key, String(value))
  }
  const s = out.toString()
  return s ? `?${s}` : ''
}

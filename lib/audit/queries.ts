import { and, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '@/db'
import { auditLog, users } from '@/db/schema'
import { parisDateToInstant } from '@/lib/paris-time'
import { queryText } from '@/lib/validation/text'

export const AUDIT_PAGE_SIZE = 50

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

// The log browser's filters, as they appear in the URL; anything unexpected is ignored.
export const auditFiltersSchema = z.object({
  action: z
    .string()
    .max(80)
    .regex(/^[a-z_.]*$/)
    .catch(''),
  qui: queryText(120),
  objet: z
    .string()
    .max(40)
    .regex(/^[a-z_]*$/)
    .catch(''),
  id: z
    .string()
    .trim()
    .max(64)
    // Ids, and the permission named by a refusal (applications.view-all, roles:admin,head).
    .regex(/^[A-Za-z0-9._:,-]*$/)
    .catch(''),
  du: isoDate.or(z.literal('')).catch(''),
  au: isoDate.or(z.literal('')).catch(''),
  avant: z.coerce.number().int().positive().optional().catch(undefined),
})
export type AuditFilters = z.output<typeof auditFiltersSchema>

export function parseAuditFilters(
  search: Record<string, string | string[] | undefined>,
): AuditFilters {
  return auditFiltersSchema.parse(
    Object.fromEntries(
      Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : (v ?? '')]),
    ),
  )
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** One page of an establishment's audit log, newest first (keyset pagination on id), filtered. */
export async function auditPage(
  db: Executor,
  establishmentId: string,
  filters: Partial<AuditFilters> = {},
) {
  const conditions: SQL[] = [eq(auditLog.establishmentId, establishmentId)]
  if (filters.avant) conditions.push(lt(auditLog.id, filters.avant))
  if (filters.action) conditions.push(eq(auditLog.action, filters.action))
  if (filters.objet) conditions.push(eq(auditLog.subjectType, filters.objet))
  if (filters.id) conditions.push(eq(auditLog.subjectId, filters.id))
  if (filters.du) conditions.push(gte(auditLog.createdAt, parisDateToInstant(filters.du, 'start')))
  if (filters.au)
    conditions.push(
      lt(auditLog.createdAt, new Date(parisDateToInstant(filters.au, 'end').getTime() + 1000)),
    )
  if (filters.qui) {
    const pattern = `%${escapeLike(filters.qui)}%`
    conditions.push(or(ilike(users.email, pattern), ilike(auditLog.actorLabel, pattern))!)
  }
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      actorEmail: users.email,
      actorLabel: auditLog.actorLabel,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE),
    nextBeforeId: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1]?.id : undefined,
  }
}

/** "statut : complete → under_review" — a compact view of what changed, for the log table. */
export function describeChange(before: unknown, after: unknown): string {
  const flat = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})
  const b = flat(before)
  const a = flat(after)
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  const show = (v: unknown) =>
    v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)
  return keys
    .map((k) =>
      k in b && k in a && show(b[k]) !== show(a[k])
        ? `${k} : ${show(b[k])} → ${show(a[k])}`
        : k in a
          ? `${k} : ${show(a[k])}`
          : `${k} : ${show(b[k])} → —`,
    )
    .join(' · ')
    .slice(0, 400)
}

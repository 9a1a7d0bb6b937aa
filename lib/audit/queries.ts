import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { Executor } from '@/db'
import { auditLog, users } from '@/db/schema'

export const AUDIT_PAGE_SIZE = 50

/** One page of an establishment's audit log, newest first (keyset pagination on id). */
export async function auditPage(db: Executor, establishmentId: string, options: { beforeId?: number; action?: string } = {}) {
  const conditions: SQL[] = [eq(auditLog.establishmentId, establishmentId)]
  if (options.beforeId) conditions.push(lt(auditLog.id, options.beforeId))
  if (options.action) conditions.push(eq(auditLog.action, options.action))
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      actorEmail: users.email,
      actorLabel: auditLog.actorLabel,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), nextBeforeId: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1]?.id : undefined }
}

import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '@/db'
import { applications, reviewAssignments } from '@/db/schema'
import type { StaffScope } from '@/lib/auth/staff-context'

/** The WHERE condition restricting applications to a scope (joins nothing: a correlated EXISTS). */
export function scopeCondition(scope: StaffScope): SQL {
  const inEstablishment = eq(applications.establishmentId, scope.establishmentId)
  if (!scope.reviewerUserId) return inEstablishment
  return and(
    inEstablishment,
    sql`exists (select 1 from ${reviewAssignments} where ${reviewAssignments.applicationId} = ${applications.id} and ${reviewAssignments.reviewerUserId} = ${scope.reviewerUserId})`,
  )!
}

/** Whether the application is one the scope may see. */
export async function isInScope(db: Executor, scope: StaffScope, applicationId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, applicationId), scopeCondition(scope)))
  return Boolean(row)
}

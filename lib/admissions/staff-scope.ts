import { and, eq, sql, type SQL } from 'drizzle-orm'
import { applications, reviewAssignments, type Role } from '@/db/schema'

/**
 * What a staff member may see of an establishment's applications: admins and coordinators
 * see them all, a reviewer only those assigned to them.
 */
export type StaffScope = { establishmentId: string; reviewerUserId?: string }

const fullAccess: readonly Role[] = ['admin', 'coordinator']

/** The widest scope the person's memberships in that establishment give. */
export function staffScope(
  memberships: readonly { establishmentId: string; role: Role }[],
  establishmentId: string,
  userId: string,
): StaffScope {
  const roles = memberships.filter((m) => m.establishmentId === establishmentId).map((m) => m.role)
  if (roles.some((r) => fullAccess.includes(r))) return { establishmentId }
  return { establishmentId, reviewerUserId: userId }
}

/** The WHERE condition restricting applications to a scope (joins nothing: a correlated EXISTS). */
export function scopeCondition(scope: StaffScope): SQL {
  const inEstablishment = eq(applications.establishmentId, scope.establishmentId)
  if (!scope.reviewerUserId) return inEstablishment
  return and(
    inEstablishment,
    sql`exists (select 1 from ${reviewAssignments} where ${reviewAssignments.applicationId} = ${applications.id} and ${reviewAssignments.reviewerUserId} = ${scope.reviewerUserId})`,
  )!
}

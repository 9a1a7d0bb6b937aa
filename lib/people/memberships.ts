import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { establishments, memberships, type Role } from '@/db/schema'

export type MembershipWithEstablishment = {
  id: string
  role: Role
  establishmentId: string
  establishmentName: string
  establishmentSlug: string
  /** Storage key of the establishment's logo (the header shows it), null without one. */
  establishmentLogoKey: string | null
}

export async function membershipsOf(
  db: Executor,
  userId: string,
): Promise<MembershipWithEstablishment[]> {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      establishmentId: memberships.establishmentId,
      establishmentName: establishments.name,
      establishmentSlug: establishments.slug,
      establishmentLogoKey: establishments.logoKey,
    })
    .from(memberships)
    .innerJoin(establishments, eq(establishments.id, memberships.establishmentId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(establishments.name), asc(memberships.role))
}

export async function grantMembership(
  db: Executor,
  params: { userId: string; establishmentId: string; role: Role },
) {
  await db.insert(memberships).values(params).onConflictDoNothing()
}

export async function hasRole(
  db: Executor,
  userId: string,
  establishmentId: string,
  roles: readonly Role[],
) {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.establishmentId, establishmentId)))
  return rows.some((r) => roles.includes(r.role))
}

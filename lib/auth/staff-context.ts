import type { Role } from '@/db/schema'
import type { MembershipWithEstablishment } from '@/lib/people/memberships'
import { AuthorizationError } from '@/lib/errors'
import type { Actor } from './actor'
import { can, rolesFor, type Permission } from './permissions'

/**
 * What a staff member may see of their establishment's files: all of them, or (a reviewer)
 * only those assigned to them. Queries turn it into their WHERE (`scopeCondition`).
 */
export type StaffScope = { establishmentId: string; reviewerUserId?: string }

/** Everything a staff action, route handler or page needs to know about who acts, and where. */
export type StaffContext = {
  user: { id: string; email: string; name: string | null }
  /** The membership that gives the permission asked for (its establishment's name for documents). */
  membership: MembershipWithEstablishment
  /** The establishment chosen with the header's switcher: a role held elsewhere counts for nothing. */
  establishmentId: string
  /** Every role of the person in that establishment. */
  roles: Role[]
  actor: Actor
  scope: StaffScope
  /** Whether one of the person's roles here gives `permission` (what a page offers). */
  may: (permission: Permission) => boolean
}

type Person = {
  user: StaffContext['user']
  memberships: readonly MembershipWithEstablishment[]
  establishmentId: string | null
}

/**
 * The staff context for `permission` in the person's current establishment; throws
 * AuthorizationError ('signed-out' without a person, 'forbidden' without the right there).
 */
export function staffContextOf(person: Person | null, permission: Permission): StaffContext {
  if (!person) throw new AuthorizationError('signed-out')
  const here = person.memberships.filter((m) => m.establishmentId === person.establishmentId)
  const membership = here.find((m) => rolesFor(permission).includes(m.role))
  if (!membership) throw new AuthorizationError('forbidden')
  const establishmentId = membership.establishmentId
  const roles = here.map((m) => m.role)
  const may = (p: Permission) => roles.some((role) => can(role, p))
  return {
    user: person.user,
    membership,
    establishmentId,
    roles,
    actor: { establishmentId, actorUserId: person.user.id },
    scope: may('applications.view-all')
      ? { establishmentId }
      : { establishmentId, reviewerUserId: person.user.id },
    may,
  }
}

/** The same, or null when the person lacks the right (routes open to candidates and staff alike). */
export function staffContextOrNull(person: Person, permission: Permission): StaffContext | null {
  try {
    return staffContextOf(person, permission)
  } catch (error) {
    if (error instanceof AuthorizationError) return null
    throw error
  }
}

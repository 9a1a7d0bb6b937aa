import { cache } from 'react'
import { forbidden, redirect } from 'next/navigation'
import { db } from '@/db'
import type { Role } from '@/db/schema'
import { membershipsOf, type MembershipWithEstablishment } from '@/lib/people/memberships'
import { AuthorizationError } from '@/lib/errors'
import { auth } from './auth'
import { can, type Permission } from './permissions'
import { activeEstablishmentOf } from './active-establishment'
import { staffContextOf, type StaffContext } from './staff-context'

export { AuthorizationError }

export type Viewer = {
  user: { id: string; email: string; name: string | null }
  /** Every membership, in every establishment (the switcher lists them). */
  memberships: MembershipWithEstablishment[]
  /**
   * The establishment the person works in for this session: the one chosen with the header's
   * switcher, else their first. Null for people without a membership (candidates).
   */
  establishmentId: string | null
}

/** The signed-in person, their memberships and their establishment, once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth()
  const id = session?.user?.id
  const email = session?.user?.email
  if (!id || !email) return null // fail closed: no id, no access
  const memberships = await membershipsOf(db, id)
  return {
    user: { id, email, name: session.user?.name ?? null },
    memberships,
    establishmentId: activeEstablishmentOf(memberships, session.activeEstablishmentId),
  }
})

/** The viewer's memberships in their current establishment only. */
export function currentMemberships(viewer: Viewer): MembershipWithEstablishment[] {
  return viewer.memberships.filter((m) => m.establishmentId === viewer.establishmentId)
}

/** Whether any of the viewer's roles in their current establishment gives `permission` (links and buttons). */
export function mayInCurrent(viewer: Viewer, permission: Permission): boolean {
  return currentMemberships(viewer).some((m) => can(m.role, permission))
}

/** Picks the membership giving one of `roles` in `establishmentId`, and nowhere else. */
export function findMembership(
  viewer: Pick<Viewer, 'memberships'>,
  roles: readonly Role[],
  establishmentId: string | null,
) {
  if (!establishmentId) return undefined
  return viewer.memberships.find(
    (m) => roles.includes(m.role) && m.establishmentId === establishmentId,
  )
}

/** Authorization for pages: sends the signed-out to sign in, shows 403 to the others. */
export async function requireMembership(
  roles: readonly Role[],
  options: { callbackUrl?: string } = {},
) {
  const viewer = await requireViewer(options.callbackUrl)
  const membership = findMembership(viewer, roles, viewer.establishmentId)
  if (!membership) forbidden()
  return { viewer, membership }
}

/**
 * The staff context for pages (the same one actions and route handlers get from their
 * clients): sends the signed-out to sign in, shows 403 to those without `permission` here.
 */
export async function requireStaff(
  permission: Permission,
  options: { callbackUrl?: string } = {},
): Promise<StaffContext> {
  const viewer = await requireViewer(options.callbackUrl)
  try {
    return staffContextOf(viewer, permission)
  } catch (error) {
    if (error instanceof AuthorizationError) forbidden()
    throw error
  }
}

export async function requireViewer(callbackUrl?: string) {
  const viewer = await getViewer()
  if (!viewer)
    redirect(`/connexion${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`)
  return viewer
}

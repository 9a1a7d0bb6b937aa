import { cache } from 'react'
import { forbidden, redirect } from 'next/navigation'
import { db } from '@/db'
import type { Role } from '@/db/schema'
import { membershipsOf, type MembershipWithEstablishment } from '@/lib/people/memberships'
import { AuthorizationError } from '@/lib/errors'
import { auth } from './auth'

export { AuthorizationError }

export type Viewer = {
  user: { id: string; email: string; name: string | null }
  memberships: MembershipWithEstablishment[]
}

/** The signed-in person and their memberships, once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth()
  const id = session?.user?.id
  const email = session?.user?.email
  if (!id || !email) return null // fail closed: no id, no access
  return { user: { id, email, name: session.user?.name ?? null }, memberships: await membershipsOf(db, id) }
})

/** Picks the membership giving one of `roles`, in `establishmentId` when given. */
export function findMembership(viewer: Viewer, roles: readonly Role[], establishmentId?: string) {
  return viewer.memberships.find((m) => roles.includes(m.role) && (!establishmentId || m.establishmentId === establishmentId))
}

/**
 * Authorization for server actions and route handlers: throws AuthorizationError.
 * Every action calls it (or goes through `authorizedAction`), whatever its page checked.
 */
export async function authorize(roles: readonly Role[], establishmentId?: string) {
  const viewer = await getViewer()
  if (!viewer) throw new AuthorizationError('signed-out')
  const membership = findMembership(viewer, roles, establishmentId)
  if (!membership) throw new AuthorizationError('forbidden')
  return { viewer, membership }
}

/** Authorization for pages: sends the signed-out to sign in, shows 403 to the others. */
export async function requireMembership(roles: readonly Role[], options: { establishmentId?: string; callbackUrl?: string } = {}) {
  const viewer = await requireViewer(options.callbackUrl)
  const membership = findMembership(viewer, roles, options.establishmentId)
  if (!membership) forbidden()
  return { viewer, membership }
}

export async function requireViewer(callbackUrl?: string) {
  const viewer = await getViewer()
  if (!viewer) redirect(`/connexion${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`)
  return viewer
}

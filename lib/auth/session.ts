import { cache } from 'react'
import { cookies } from 'next/headers'
import type { Session } from 'next-auth'
import { forbidden, redirect } from 'next/navigation'
import { db } from '@/db'
import type { Role } from '@/db/schema'
import { membershipsOf, type MembershipWithEstablishment } from '@/lib/people/memberships'
import { AuthorizationError } from '@/lib/errors'
import { auth } from './auth'
import { can, type Permission } from './permissions'
import { activeEstablishmentOf } from './active-establishment'
import { recordRefusal } from './refusals'
import { sessionCookieName } from './session-establishment'
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
  /** Operates the platform (users.platform_admin), read with the session. */
  platformAdmin?: boolean
}

/** The session as Auth.js resolves it (staff limits applied, lib/auth/live-session.ts), once per request. */
const currentSession = cache(() => auth())

/** The signed-in person, their memberships and their establishment, once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await currentSession()
  const id = session?.user?.id
  const email = session?.user?.email
  if (!id || !email) return null // fail closed: no id, no access
  // A session waiting for its second factor opens nothing but /connexion/code.
  if (session.secondFactorPending) return null
  const memberships = await membershipsOf(db, id)
  return {
    user: { id, email, name: session.user?.name ?? null },
    memberships,
    establishmentId: activeEstablishmentOf(memberships, session.activeEstablishmentId),
    platformAdmin: session.platformAdmin === true,
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

type PendingSecondFactor = { userId: string; email: string }

function pendingOf(session: Session | null): PendingSecondFactor | null {
  if (!session?.secondFactorPending || !session.user?.id || !session.user.email) return null
  return { userId: session.user.id, email: session.user.email }
}

/** The person whose session waits for their second factor (TOTP or recovery code), or null. */
export async function pendingSecondFactor(): Promise<PendingSecondFactor | null> {
  return pendingOf(await currentSession())
}

/**
 * The same, read afresh for the action that ends the wait: what the request renders after it
 * (the header) must read the session as it is then, not from this request's cache.
 */
export async function pendingSecondFactorNow(): Promise<PendingSecondFactor | null> {
  return pendingOf(await auth())
}

/** This browser's session token (server only: never rendered, never sent to a client component). */
export async function currentSessionToken(): Promise<string | null> {
  return (await cookies()).get(sessionCookieName())?.value ?? null
}

/** Where a person without a usable session goes: their code, or sign-in (saying why). */
export async function signInPathFor(callbackUrl?: string): Promise<string> {
  const back = callbackUrl ? `callbackUrl=${encodeURIComponent(callbackUrl)}` : ''
  if (await pendingSecondFactor()) return `/connexion/code${back ? `?${back}` : ''}`
  // A session cookie without a session in force: it expired or was ended elsewhere.
  const ended = (await cookies()).has(sessionCookieName())
  const query = [ended ? 'session=expiree' : '', back].filter(Boolean).join('&')
  return `/connexion${query ? `?${query}` : ''}`
}

/** Authorization for pages: sends the signed-out to sign in, shows 403 to the others. */
export async function requireMembership(
  roles: readonly Role[],
  options: { callbackUrl?: string } = {},
) {
  const viewer = await requireViewer(options.callbackUrl)
  const membership = findMembership(viewer, roles, viewer.establishmentId)
  if (!membership) {
    await recordRefusal(viewer, { permission: `roles:${roles.join(',')}`, via: 'page' })
    forbidden()
  }
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
    if (error instanceof AuthorizationError) {
      await recordRefusal(viewer, { permission, via: 'page' })
      forbidden()
    }
    throw error
  }
}

export async function requireViewer(callbackUrl?: string) {
  const viewer = await getViewer()
  if (!viewer) redirect(await signInPathFor(callbackUrl))
  return viewer
}

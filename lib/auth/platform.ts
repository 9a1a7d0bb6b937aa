import { and, eq } from 'drizzle-orm'
import { notFound } from 'next/navigation'
import { db, type Executor } from '@/db'
import { users } from '@/db/schema'
import { AuthorizationError } from '@/lib/errors'
import { recordRefusal } from './refusals'
import { getViewer, requireViewer, type Viewer } from './session'

// Operators of the platform itself (users.platform_admin, granted by `npm run platform --
// admin <email>`): they create establishments and decide on registrations. It is no role in
// an establishment, so it lives outside the permission table; every page and action asks here.

/** How a refusal is named in the audit log (it is no row of the permission table). */
export const PLATFORM_ADMIN = 'platform.admin'

export async function isPlatformAdmin(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.platformAdmin, true)))
  return Boolean(row)
}

/** Whether the signed-in person operates the platform (read with their session: no query of its own). */
export async function viewerIsPlatformAdmin(): Promise<boolean> {
  return (await getViewer())?.platformAdmin === true
}

/** Pages under /plateforme: sign in first; to anyone else they do not exist (404). */
export async function requirePlatformAdmin(callbackUrl?: string): Promise<Viewer> {
  const viewer = await requireViewer(callbackUrl)
  if (!(await viewerIsPlatformAdmin())) {
    await recordRefusal(viewer, { permission: PLATFORM_ADMIN, via: 'page' })
    notFound()
  }
  return viewer
}

/** The platform operator acting, for actions; throws AuthorizationError otherwise. */
export async function platformAdminActor(): Promise<{ id: string; email: string }> {
  const viewer = await getViewer()
  if (!viewer) throw new AuthorizationError('signed-out')
  if (!(await isPlatformAdmin(db, viewer.user.id))) {
    await recordRefusal(viewer, { permission: PLATFORM_ADMIN, via: 'action' })
    throw new AuthorizationError('forbidden')
  }
  return { id: viewer.user.id, email: viewer.user.email }
}

import { and, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { memberships, sessions } from '@/db/schema'
import { appUrl } from '@/lib/config/app-url'
import { UserFacingError } from '@/lib/errors'

/** The name Auth.js gives its session cookie: secure-prefixed when APP_URL is https. */
export function sessionCookieName(): string {
  return appUrl().startsWith('https://') ? '__Secure-authjs.session-token' : 'authjs.session-token'
}

/**
 * Keeps on this session (not the person: another device keeps its own) the establishment
 * its owner chose to work in. Refused unless they are a member there.
 */
export async function chooseSessionEstablishment(
  db: Executor,
  params: { sessionToken: string; userId: string; establishmentId: string },
) {
  const [membership] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, params.userId),
        eq(memberships.establishmentId, params.establishmentId),
      ),
    )
    .limit(1)
  if (!membership) throw new UserFacingError('Vous n’êtes pas membre de cet établissement.')
  const updated = await db
    .update(sessions)
    .set({ activeEstablishmentId: params.establishmentId })
    .where(and(eq(sessions.sessionToken, params.sessionToken), eq(sessions.userId, params.userId)))
    .returning({ token: sessions.sessionToken })
  if (updated.length === 0) throw new UserFacingError('Votre session a expiré : reconnectez-vous.')
}

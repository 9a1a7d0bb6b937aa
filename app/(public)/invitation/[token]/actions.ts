'use server'

import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { db } from '@/db'
import { linkActionClient } from '@/lib/auth/action-clients'
import { signOut } from '@/lib/auth/auth'
import { sessionCookie } from '@/lib/auth/database-session'
import { looksLikeLinkToken } from '@/lib/auth/link-tokens'
import { getViewer } from '@/lib/auth/session'
import { chooseSessionEstablishment, sessionCookieName } from '@/lib/auth/session-establishment'
import {
  acceptInvitation,
  acceptInvitationAsInvitee,
  findInvitation,
} from '@/lib/people/invitations'

// The invitation link is the authorization: the lib looks the token up again, under a lock,
// inside the transaction that accepts it (a used, expired or withdrawn link says which).
const invitationAction = linkActionClient((token) =>
  findInvitation(db, token).then((found) => (found.ok ? found.invitation : null)),
)

const accept = invitationAction(z.object({}), async (_input, { token }) => {
  const viewer = await getViewer()
  if (viewer) {
    // Signed in: only as the invited address (the lib refuses anyone else).
    const accepted = await acceptInvitation(db, {
      token,
      userId: viewer.user.id,
      userEmail: viewer.user.email,
    })
    const sessionToken = (await cookies()).get(sessionCookieName())?.value
    if (sessionToken)
      await chooseSessionEstablishment(db, {
        sessionToken,
        userId: viewer.user.id,
        establishmentId: accepted.establishmentId,
      })
    return { role: accepted.role }
  }
  // Signed out: the link proves the mailbox as a sign-in link does; accepting signs them in.
  const accepted = await acceptInvitationAsInvitee(db, { token })
  const cookie = sessionCookie(accepted.session)
  ;(await cookies()).set(cookie.name, cookie.value, cookie.options)
  return { role: accepted.role }
})

export type AcceptState = { error?: string }

/** The page's form (works without JavaScript): accepts, then leads to the person's space. */
export async function acceptInvitationForm(token: string): Promise<AcceptState> {
  const result = await accept(token, {})
  if (!result.ok) return { error: result.formError ?? 'L’invitation n’a pas pu être acceptée.' }
  // The header (navigation, establishment) changes with the new membership.
  revalidatePath('/', 'layout')
  redirect(
    result.data.role === 'student' ? '/espace?invitation=acceptee' : '/equipe?invitation=acceptee',
  )
}

/** Signed in as someone else: sign out, then come back to the same invitation. */
export async function signOutForInvitation(token: string) {
  await signOut({ redirectTo: looksLikeLinkToken(token) ? `/invitation/${token}` : '/' })
}

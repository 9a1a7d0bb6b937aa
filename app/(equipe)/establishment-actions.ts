'use server'

import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { db } from '@/db'
import { candidateAction } from '@/lib/auth/action-clients'
import { chooseSessionEstablishment, sessionCookieName } from '@/lib/auth/session-establishment'
import { AuthorizationError } from '@/lib/errors'

const switchSchema = z.object({
  establishmentId: z.uuid({ error: 'Choisissez un établissement.' }),
})

// Any signed-in person may ask; the lib refuses an establishment they are not a member of.
const chooseEstablishment = candidateAction(switchSchema, async ({ establishmentId }, { user }) => {
  const sessionToken = (await cookies()).get(sessionCookieName())?.value
  if (!sessionToken) throw new AuthorizationError('signed-out')
  await chooseSessionEstablishment(db, { sessionToken, userId: user.id, establishmentId })
})

/** The header's switcher: the establishment this session works in (checked: a membership there). */
export async function switchEstablishment(input: FormData | Record<string, unknown>) {
  const result = await chooseEstablishment(input)
  if (!result.ok) return
  // Everything on screen belonged to the previous establishment, the header included (it sits
  // in the root layout, which a navigation alone does not render again).
  revalidatePath('/', 'layout')
  // Pages of the previous establishment (a campaign, a file) mean nothing in the new one.
  redirect('/equipe')
}

'use server'

import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { db } from '@/db'
import { runAction } from '@/lib/auth/action'
import { getViewer } from '@/lib/auth/session'
import { chooseSessionEstablishment, sessionCookieName } from '@/lib/auth/session-establishment'
import { AuthorizationError } from '@/lib/errors'

const switchSchema = z.object({
  establishmentId: z.uuid({ error: 'Choisissez un établissement.' }),
})

/** The header's switcher: the establishment this session works in (checked: a membership there). */
export async function switchEstablishment(input: FormData | Record<string, unknown>) {
  const parsed = switchSchema.safeParse(
    input instanceof FormData ? Object.fromEntries(input) : input,
  )
  if (!parsed.success) return
  const result = await runAction(async () => {
    const viewer = await getViewer()
    const sessionToken = (await cookies()).get(sessionCookieName())?.value
    if (!viewer || !sessionToken) throw new AuthorizationError('signed-out')
    await chooseSessionEstablishment(db, {
      sessionToken,
      userId: viewer.user.id,
      establishmentId: parsed.data.establishmentId,
    })
  })
  if (!result.ok) return
  // Everything on screen belonged to the previous establishment, the header included (it sits
  // in the root layout, which a navigation alone does not render again).
  revalidatePath('/', 'layout')
  // Pages of the previous establishment (a campaign, a file) mean nothing in the new one.
  redirect('/equipe')
}

'use server'

import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { db } from '@/db'
import { candidateAction } from '@/lib/auth/action-clients'
import { signOutEverywhere } from '@/lib/auth/account-sessions'
import { sessionCookieName } from '@/lib/auth/session-establishment'
import {
  beginTwoFactorSetup,
  cancelTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
} from '@/lib/auth/two-factor'
import { secondFactorSchema, totpCodeSchema } from '@/lib/auth/two-factor-schemas'
import { currentSessionToken } from '@/lib/auth/session'
import { AuthorizationError } from '@/lib/errors'
import { requestContext } from '@/lib/http/request-context'

// The person's own account: every action acts on the signed-in person only (candidateAction
// serves anyone signed in, staff included).

const nothing = z.object({})

const endEverySession = candidateAction(nothing, async (_input, { user }) => {
  await signOutEverywhere(db, { userId: user.id, ...(await requestContext()) })
  ;(await cookies()).delete(sessionCookieName())
  revalidatePath('/', 'layout')
  redirect('/connexion?session=partout')
})

/** "Se déconnecter partout": this browser and every other one. */
export async function signOutEverywhereAction() {
  await endEverySession({})
}

const beginSetup = candidateAction(nothing, async (_input, { user }) => {
  await beginTwoFactorSetup(db, user.id)
  revalidatePath('/compte')
})
export async function beginTwoFactorSetupAction() {
  await beginSetup({})
}

const cancelSetup = candidateAction(nothing, async (_input, { user }) => {
  await cancelTwoFactorSetup(db, user.id)
  revalidatePath('/compte')
})
export async function cancelTwoFactorSetupAction() {
  await cancelSetup({})
}

/** The first code from the app turns two-factor on; the recovery codes come back once. */
export const confirmTwoFactorSetupAction = candidateAction(
  totpCodeSchema,
  async ({ code }, { user }) => {
    const sessionToken = await currentSessionToken()
    if (!sessionToken) throw new AuthorizationError('signed-out')
    const recoveryCodes = await confirmTwoFactorSetup(db, {
      userId: user.id,
      sessionToken,
      code,
      ...(await requestContext()),
    })
    return { recoveryCodes }
  },
)

export const disableTwoFactorAction = candidateAction(
  secondFactorSchema,
  async ({ code }, { user }) => {
    await disableTwoFactor(db, { userId: user.id, code, ...(await requestContext()) })
    revalidatePath('/compte')
  },
)

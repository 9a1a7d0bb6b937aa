'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/db'
import { secondFactorAction } from '@/lib/auth/action-clients'
import { verifySecondFactor } from '@/lib/auth/two-factor'
import { secondFactorSchema } from '@/lib/auth/two-factor-schemas'
import { requestContext } from '@/lib/http/request-context'

// The second step of a sign-in: the session opens the app once the code is right.
export const submitSecondFactor = secondFactorAction(
  secondFactorSchema,
  async ({ code, callbackUrl }, { userId, sessionToken }) => {
    await verifySecondFactor(db, { userId, sessionToken, code, ...(await requestContext()) })
    // The header (root layout) was drawn for a signed-out visitor.
    revalidatePath('/', 'layout')
    redirect(callbackUrl)
  },
)

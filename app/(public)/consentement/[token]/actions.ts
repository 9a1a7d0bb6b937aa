'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import { requestContext } from '@/lib/http/request-context'
import { confirmConsent, withdrawConsentByLink } from '@/lib/school/consent-link'
import { consentLinkAction } from '@/lib/school/consent-link-action'
import { consentConfirmationSchema } from '@/lib/school/consent-schemas'

// No account here: the link's token is the authorization, checked again by the lib inside
// its transaction. Called as `action(token, input)`.

export const confirmConsentAction = consentLinkAction(
  consentConfirmationSchema,
  async (input, { token }) => {
    await confirmConsent(db, { token, input, ...(await requestContext()) })
    revalidatePath(`/consentement/${token}`)
  },
)

export const withdrawConsentByLinkAction = consentLinkAction(z.object({}), async (_, { token }) => {
  await withdrawConsentByLink(db, { token, ...(await requestContext()) })
  revalidatePath(`/consentement/${token}`)
})

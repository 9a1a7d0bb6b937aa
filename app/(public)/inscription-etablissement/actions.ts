'use server'

import { z } from 'zod'
import { db } from '@/db'
import { linkActionClient, publicAction } from '@/lib/auth/action-clients'
import { requestContext } from '@/lib/http/request-context'
import {
  confirmRegistration,
  findRegistrationByToken,
  startRegistration,
} from '@/lib/establishments/registrations'
import { registrationSchema } from '@/lib/establishments/schemas'

// Anyone may ask to register a school: the emailed link proves the address, a platform
// operator decides. The token never comes back to the browser.
export const registerEstablishmentAction = publicAction(registrationSchema, async (input) => {
  await startRegistration(db, input, { ip: (await requestContext()).ip })
})

// The confirmation link's POST: its token is the authorization, checked on every call.
const registrationLinkAction = linkActionClient(async (token) => {
  const found = await findRegistrationByToken(db, token)
  return found.ok ? found.registration : null
})

export const confirmRegistrationAction = registrationLinkAction(
  z.object({}),
  async (_input, { token, link }) => {
    await link()
    await confirmRegistration(db, token)
  },
)

import { db } from '@/db'
import { linkActionClient } from '@/lib/auth/action-clients'
import { openConsentLink } from './consent-link'

/** The action client of the consent page: the emailed link's token is the authorization. */
export const consentLinkAction = linkActionClient((token) => openConsentLink(db, token))

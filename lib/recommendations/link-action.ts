import { db } from '@/db'
import { linkActionClient } from '@/lib/auth/action-clients'
import { findOpenLink } from './links'

/** The action client of the recommendation form: the emailed link's token is the authorization. */
export const recommendationLinkAction = linkActionClient((token) => findOpenLink(db, token))

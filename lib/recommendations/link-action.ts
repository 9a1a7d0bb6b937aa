import { db } from '@/db'
import { linkActionClient } from '@/lib/auth/action-clients'
import { findOpenLink } from './links'
import { loadSubmission } from './respond'

/** The action client of the recommendation form: the emailed link's token is the authorization. */
export const recommendationLinkAction = linkActionClient((token) => findOpenLink(db, token))

/**
 * The same for the submission, whose link comes with the campaign's questions (the form's
 * schema), loaded once before its transaction; an answered request is refused there.
 */
export const submissionLinkAction = linkActionClient((token) => loadSubmission(db, token))

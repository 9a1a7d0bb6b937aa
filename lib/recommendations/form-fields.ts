// The recommendation form's limits, apart from its schema (schemas.ts) so that the form shows
// them without loading zod in the browser.
export const ANSWER_MAX = 4000
export const DECLINE_REASON_MAX = 500

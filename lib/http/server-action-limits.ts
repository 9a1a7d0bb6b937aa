// The largest server-action body accepted (checked by proxy.ts, and by Next.js itself through
// next.config.ts). The biggest form, a recommendation with its answers, is far below it;
// documents are uploaded through their own route, not through actions.
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024

/** The same limit in the notation of Next.js's `serverActions.bodySizeLimit`. */
export const SERVER_ACTION_BODY_LIMIT = '1mb'

// Calls a Next.js server action over HTTP exactly as the browser does, and reads its result
// out of the React Server Components (RSC) response.
import { actionResult } from '../../e2e/support/server-action'

// The action id and the RSC parsing are shared with the end-to-end tests.
export { serverActionId } from '../../e2e/support/server-action'

export type ActionCall = { status: number; ms: number; result: unknown; body: string }

/**
 * POSTs the arguments to the page that owns the action. The RSC response is one row per
 * line, `<hex id>:<JSON>`; the action's return value is the row holding an object with `ok`.
 */
export async function callServerAction(
  pageUrl: string,
  actionId: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<ActionCall> {
  const started = performance.now()
  const response = await fetch(pageUrl, {
    method: 'POST',
    headers: {
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': actionId,
      Origin: new URL(pageUrl).origin,
      ...headers,
    },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(60_000),
  })
  const body = await response.text()
  const ms = performance.now() - started
  return { status: response.status, ms, result: actionResult(body), body }
}

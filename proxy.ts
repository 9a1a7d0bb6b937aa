import { NextResponse, type NextRequest } from 'next/server'
import { readBodyWithLimit } from '@/lib/http/read-body'
import { SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/http/server-action-limits'

// Per-request nonce for the Content-Security-Policy; Next.js applies it to its own scripts.
// Authorization is never decided here: pages, route handlers and actions check on the server.
export async function proxy(request: NextRequest) {
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const refused = await refuseMalformedAction(request)
    if (refused) return refused
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const isDev = process.env.NODE_ENV !== 'production'
  const csp = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes (React, email previews) need 'unsafe-inline' for styles only.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'${isDev ? ' ws:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `frame-src 'self'`,
    ...(process.env.APP_URL?.startsWith('https://') ? ['upgrade-insecure-requests'] : []),
  ].join('; ')

  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  // A header set here wins over the same header set by a route handler (Next.js keeps the
  // first one). Route handlers (/api/…) answer JSON or files and set their own policy where
  // it matters: a supporting document is served with a sandbox that the page policy must
  // not replace. The page policy is for pages.
  if (!request.nextUrl.pathname.startsWith('/api/'))
    response.headers.set('Content-Security-Policy', csp)
  return response
}

const plainText = (status: number, message: string) =>
  new NextResponse(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/**
 * A server action's body as the browser sends it: React's reply encoding, as text (JSON) or
 * multipart form data, under the size limit. Next.js answers anything else with a 500 (an
 * unreadable body is an "error in the action"); a forged or truncated request is the
 * client's fault: 413 when too big, 400 when malformed.
 */
async function refuseMalformedAction(request: NextRequest): Promise<NextResponse | null> {
  const tooLarge = () => plainText(413, 'La requête est trop volumineuse.')
  const malformed = () => plainText(400, 'Requête invalide.')
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > SERVER_ACTION_BODY_LIMIT_BYTES) return tooLarge()
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'text/plain' && type !== 'multipart/form-data') return malformed()
  // Next.js hands proxy its own copy of the body (the action gets the buffered original), so
  // it is read here directly. Not request.clone(): cancelling one branch of a tee waits for
  // the other, and an oversized body would hang.
  const body = await readBodyWithLimit(request.body, SERVER_ACTION_BODY_LIMIT_BYTES)
  if (!body) return tooLarge()
  if (type === 'multipart/form-data') {
    const form = await new Response(new Uint8Array(body), {
      headers: { 'Content-Type': request.headers.get('content-type')! },
    })
      .formData()
      .catch(() => null)
    // React puts the reply's root, JSON, in field "0" (other fields may be files or raw form values).
    const root = form?.get('0')
    return form && (typeof root !== 'string' || isJson(root)) ? null : malformed()
  }
  return isJson(new TextDecoder('utf-8', { fatal: false }).decode(body)) ? null : malformed()
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export const config = {
  // Uploads are left out: proxy would buffer (and cut) their bodies; they render no HTML.
  matcher: [
    {
      source:
        '/((?!_next/static|_next/image|favicon.ico|icon.svg|api/pieces/depot/|api/consentements/depot/).*)',
    },
  ],
}

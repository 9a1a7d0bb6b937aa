import { NextResponse, type NextRequest } from 'next/server'

// Per-request nonce for the Content-Security-Policy; Next.js applies it to its own scripts.
// Authorization is never decided here: pages, route handlers and actions check on the server.
export function proxy(request: NextRequest) {
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
  if (!request.nextUrl.pathname.startsWith('/api/')) response.headers.set('Content-Security-Policy', csp)
  return response
}

export const config = {
  // Uploads are left out: proxy would buffer (and cut) their bodies; they render no HTML.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|api/pieces/depot/).*)' }],
}

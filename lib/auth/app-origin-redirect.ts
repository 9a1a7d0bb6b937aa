import { appUrl } from '@/lib/config/app-url'

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

/**
 * Auth.js builds its redirects on the request's URL, and Next.js's NextURL turns 127.0.0.1
 * and [::1] into "localhost": a site reached at http://127.0.0.1:3000 was sent to
 * http://localhost:3000 after sign-in (a cookie-less origin, refused by `form-action 'self'`).
 * A redirect to a loopback origin other than APP_URL's is put back on APP_URL, path and query
 * kept. Redirects elsewhere (an identity provider) are left alone.
 */
export function onAppOrigin(response: Response): Response {
  const location = response.headers.get('location')
  if (!location) return response
  const origin = new URL(appUrl()).origin
  let target: URL
  try {
    target = new URL(location, origin)
  } catch {
    return response
  }
  if (target.origin === origin || !LOOPBACK.test(target.hostname)) return response
  const headers = new Headers(response.headers)
  headers.set('location', `${origin}${target.pathname}${target.search}${target.hash}`)
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}

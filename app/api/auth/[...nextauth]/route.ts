import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/auth/auth'
import { isCrossSiteRequest } from '@/lib/auth/cross-site'
import { onAppOrigin } from '@/lib/auth/app-origin-redirect'
import { appUrl } from '@/lib/config/app-url'

const isEmailCallback = (request: NextRequest) =>
  request.nextUrl.pathname.endsWith('/callback/email')

// Opening the email callback never consumes a token: a GET (a mail scanner, an image or a
// link planted on another site) is sent to the confirmation page, whose button POSTs.
export async function GET(request: NextRequest) {
  if (isEmailCallback(request))
    return Response.redirect(`${appUrl()}/connexion/confirmer${request.nextUrl.search}`, 303)
  return onAppOrigin(await handlers.GET(request))
}

// The email callback signs a person in with the token it is given: only this site's own
// confirmation page may POST it (login CSRF). OIDC callbacks may come from the identity provider.
export async function POST(request: NextRequest) {
  if (isEmailCallback(request) && isCrossSiteRequest(request.headers)) {
    return new Response('Requête refusée : la connexion doit être confirmée depuis Tremplin.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return onAppOrigin(await handlers.POST(request))
}

import { appUrl } from '@/lib/config/app-url'

/**
 * True when a browser sent this request from another site. Login CSRF: a page elsewhere
 * POSTing its own sign-in token to our callback would sign the visitor into the attacker's
 * account. Browsers say where a request comes from with Sec-Fetch-Site, else with Origin;
 * a request with neither is not a browser's cross-site form.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none'
  const origin = headers.get('origin')
  if (!origin) return false
  return origin !== new URL(appUrl()).origin
}

type Env = Record<string, string | undefined>

/**
 * The site's public URL, from APP_URL alone: every emailed link and every redirect is built
 * from it, never from a request's Host or X-Forwarded-Host (which a client can forge).
 * No Node.js imports: client bundles import it through shared schemas (where it is unset and
 * the page's own origin stands in).
 */
export function appUrl(env: Env = process.env): string {
  const configured = env.APP_URL
  if (configured) return configured.replace(/\/$/, '')
  if (typeof window !== 'undefined') return window.location.origin
  return `http://localhost:${env.PORT ?? 3000}`
}

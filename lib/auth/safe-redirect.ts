import { appUrl } from '@/lib/config/app-url'

export const DEFAULT_AFTER_SIGN_IN = '/espace'

// Browsers drop tabs and newlines inside URLs ("/\t/evil.example" becomes "//evil.example")
// and read "\" as "/": any control character, whitespace or backslash is refused outright.
const UNSAFE_CHARACTERS =
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/

/**
 * The path of this site that a redirect (after sign-in, after an action) may lead to, or
 * `fallback`. Only a same-origin path survives: it is parsed against APP_URL and compared by
 * origin, then given back as path + query + hash, percent-encoded (never a raw character
 * that could split or bend a Location header).
 */
export function safeRedirectPath(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback
  let candidate = value
  // Auth.js hands over absolute URLs on this site's origin: keep only their path.
  const origin = new URL(appUrl()).origin
  if (candidate.startsWith(`${origin}/`)) candidate = candidate.slice(origin.length)
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return fallback
  if (UNSAFE_CHARACTERS.test(candidate)) return fallback
  // Percent-encoded forms of the same tricks in the path ("/%2F/evil", "/%5Cevil", "/%09/evil");
  // the query may hold encoded spaces and the like.
  const path = candidate.split(/[?#]/, 1)[0]!
  let decodedPath: string
  try {
    decodedPath = decodeURIComponent(path)
  } catch {
    return fallback
  }
  if (decodedPath.startsWith('//') || UNSAFE_CHARACTERS.test(decodedPath)) return fallback
  let parsed: URL
  try {
    parsed = new URL(candidate, `${origin}/`)
  } catch {
    return fallback
  }
  // Dot segments are resolved only now: "/.//evil.example" and "/a/..//evil.example" become
  // "//evil.example", a protocol-relative address once more.
  if (parsed.origin !== origin || parsed.pathname.startsWith('//')) return fallback
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The absolute URL on APP_URL's origin for a redirect target, or the fallback's. */
export function safeRedirectUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  return `${new URL(appUrl()).origin}${safeRedirectPath(value, fallback)}`
}

/** The query parameter that makes the landing page say "Vous êtes connecté(e)" once. */
export const SIGNED_IN_FLAG = 'connecte'

/** Where to land after confirming a sign-in link: the safe path, marked for the welcome notice. */
export function afterSignInPath(callbackUrl: unknown): string {
  const url = new URL(safeRedirectPath(callbackUrl), 'http://tremplin.invalid')
  url.searchParams.set(SIGNED_IN_FLAG, '1')
  return `${url.pathname}${url.search}${url.hash}`
}

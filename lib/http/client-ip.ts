import { isIP } from 'node:net'

type Env = Record<string, string | undefined>
type Headers = { get(name: string): string | null }

/**
 * How many reverse proxies of ours stand in front of the app (TRUSTED_PROXY_HOPS, README).
 * 0, the default, trusts no forwarding header: the app is reached directly, or the operator
 * has not told us how. An invalid value counts as 0 (never trust by mistake).
 */
export function trustedProxyHops(env: Env = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim()
  if (!raw) return 0
  const n = Number(raw)
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0
}

/** An address as proxies write it ("1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443", "::ffff:1.2.3.4"), or null. */
export function normaliseIp(value: string | undefined): string | null {
  let v = value?.trim().replace(/^"|"$/g, '') ?? ''
  const bracketed = v.match(/^\[([^\]]+)\](?::\d+)?$/)
  if (bracketed) v = bracketed[1]!
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'))
  if (/^::ffff:[\d.]+$/i.test(v)) v = v.slice(7)
  return isIP(v) ? v.toLowerCase() : null
}

/**
 * The client's address as seen by the nearest trusted proxy. Each proxy appends the address
 * it received the request from to X-Forwarded-For, so with n trusted proxies the n-th entry
 * from the right is the client as seen by the outermost of ours; everything to its left was
 * written by the client and proves nothing (the leftmost entry is whatever the client sent).
 *
 * `next start` itself fills X-Forwarded-For with the socket address only when the header is
 * absent (`??=`, next/dist/server/base-server.js): without a proxy, a client that sends the
 * header hides its socket address from us. So with 0 trusted hops the header is ignored and
 * the address is unknown (null). X-Real-IP is never read (any client can send it).
 */
export function clientIp(headers: Headers, hops: number = trustedProxyHops()): string | null {
  if (hops <= 0) return null
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (chain.length < hops) return null
  return normaliseIp(chain[chain.length - hops])
}

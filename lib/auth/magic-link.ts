import type { Database } from '@/db'
import { appUrl } from '@/lib/config/settings'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { consume, type Limit } from '@/lib/rate-limit/events'

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60

/**
 * Auth.js builds `/api/auth/callback/email?token=…` and consumes the token on that request.
 * Mail scanners open links, so the email points to a confirmation page instead; only its
 * POST reaches the callback. The origin is always APP_URL's, whatever origin the given URL
 * carries (a forged Host must never put a real token in a link to another site).
 */
export function confirmationUrl(callbackUrl: string, origin: string = appUrl()): string {
  const url = new URL(callbackUrl)
  const confirm = new URLSearchParams()
  url.searchParams.forEach((value, key) => confirm.set(key, value))
  return `${origin.replace(/\/$/, '')}/connexion/confirmer?${confirm.toString()}`
}

// The sign-in form must not become a way to flood someone's inbox, nor to send mail to many
// addresses from one place: beyond these, requests are accepted but send nothing (the page
// says the same, so nobody learns whether an address has an account).
export const MAX_SIGN_IN_EMAILS_PER_HOUR = 10
export const MAX_SIGN_IN_EMAILS_PER_IP_PER_HOUR = 30

const HOUR_MS = 3600_000
export const signInBuckets = { address: 'sign-in-address', ip: 'sign-in-ip' } as const

/**
 * The mailbox an address reaches, for the limiter only: case, surrounding whitespace and a
 * `+tag` in the local part (name+1@…, name+2@… land in one inbox) do not make a new address.
 */
export function mailboxKey(address: string): string {
  const trimmed = address.trim().toLowerCase()
  const at = trimmed.lastIndexOf('@')
  if (at <= 0) return trimmed
  const local = trimmed.slice(0, at).split('+')[0] || trimmed.slice(0, at)
  return `${local}@${trimmed.slice(at + 1)}`
}

export async function enqueueSignInEmail(
  db: Database,
  params: { identifier: string; url: string; ip?: string | null; now?: Date },
) {
  const link = confirmationUrl(params.url)
  const now = params.now ?? new Date()
  const since = new Date(now.getTime() - HOUR_MS)
  const limits: Limit[] = [
    {
      bucket: signInBuckets.address,
      key: mailboxKey(params.identifier),
      max: MAX_SIGN_IN_EMAILS_PER_HOUR,
      since,
    },
  ]
  // Without a trusted proxy the client's address is unknown (lib/http/client-ip.ts): no per-IP limit then.
  if (params.ip)
    limits.push({
      bucket: signInBuckets.ip,
      key: params.ip,
      max: MAX_SIGN_IN_EMAILS_PER_IP_PER_HOUR,
      since,
    })
  await db.transaction(async (tx) => {
    if (await consume(tx, limits, now)) return
    await enqueueEmail(tx, {
      template: 'sign-in-link',
      to: params.identifier,
      props: {
        url: link,
        host: new URL(link).host,
        expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60,
      },
    })
  })
}

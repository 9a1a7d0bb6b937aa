import type { Database } from '@/db'
import { enqueueEmail } from '@/lib/mail/enqueue'

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60

/**
 * Auth.js builds `/api/auth/callback/email?token=…` and consumes the token on that request.
 * Mail scanners open links, so the email points to a confirmation page instead; only its
 * POST reaches the callback.
 */
export function confirmationUrl(callbackUrl: string): string {
  const url = new URL(callbackUrl)
  const confirm = new URL('/connexion/confirmer', url.origin)
  url.searchParams.forEach((value, key) => confirm.searchParams.set(key, value))
  return confirm.toString()
}

export async function enqueueSignInEmail(db: Database, params: { identifier: string; url: string }) {
  const link = confirmationUrl(params.url)
  await db.transaction(async (tx) => {
    await enqueueEmail(tx, {
      template: 'sign-in-link',
      to: params.identifier,
      props: { url: link, host: new URL(link).host, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 },
    })
  })
}

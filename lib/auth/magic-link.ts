import { and, count, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { emailOutbox } from '@/db/schema'
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

// The sign-in form must not become a way to flood someone's inbox: beyond this many links an
// hour to one address, requests are accepted but send nothing (the page says the same).
export const MAX_SIGN_IN_EMAILS_PER_HOUR = 10

export async function enqueueSignInEmail(db: Database, params: { identifier: string; url: string; now?: Date }) {
  const link = confirmationUrl(params.url)
  const since = new Date((params.now ?? new Date()).getTime() - 3600_000)
  await db.transaction(async (tx) => {
    // Serialises concurrent requests for one address so the cap holds.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${params.identifier}`}))`)
    const [recent] = await tx
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, params.identifier.toLowerCase()), eq(emailOutbox.template, 'sign-in-link'), gt(emailOutbox.createdAt, since)))
    if ((recent?.n ?? 0) >= MAX_SIGN_IN_EMAILS_PER_HOUR) return
    await enqueueEmail(tx, {
      template: 'sign-in-link',
      to: params.identifier,
      props: { url: link, host: new URL(link).host, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 },
    })
  })
}

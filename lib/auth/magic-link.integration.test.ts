import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { emailOutbox } from '@/db/schema'
import { enqueueSignInEmail, MAX_SIGN_IN_EMAILS_PER_HOUR } from './magic-link'

const signInEmails = (to: string) => db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'sign-in-link')))

describe('sign-in emails', () => {
  it('link to the confirmation page, never to the consuming callback', async () => {
    const to = `flood-${crypto.randomUUID().slice(0, 8)}@test.example`
    await enqueueSignInEmail(db, { identifier: to, url: `https://tremplin.test/api/auth/callback/email?token=abc&email=${encodeURIComponent(to)}` })
    const [email] = await signInEmails(to)
    expect(email!.text).toContain('https://tremplin.test/connexion/confirmer?token=abc')
    expect(email!.text).not.toContain('/api/auth/callback')
  })

  it('are capped per address and hour, even when requested all at once', async () => {
    const to = `flood-${crypto.randomUUID().slice(0, 8)}@test.example`
    const url = `https://tremplin.test/api/auth/callback/email?token=t&email=${encodeURIComponent(to)}`
    await Promise.all(Array.from({ length: 15 }, () => enqueueSignInEmail(db, { identifier: to, url })))
    expect(await signInEmails(to)).toHaveLength(MAX_SIGN_IN_EMAILS_PER_HOUR)
    await enqueueSignInEmail(db, { identifier: to, url, now: new Date(Date.now() + 3601_000) })
    expect(await signInEmails(to)).toHaveLength(MAX_SIGN_IN_EMAILS_PER_HOUR + 1)
  })
})

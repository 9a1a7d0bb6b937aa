import { and, eq, inArray } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db'
import { emailOutbox } from '@/db/schema'
import {
  enqueueSignInEmail,
  MAX_SIGN_IN_EMAILS_PER_HOUR,
  MAX_SIGN_IN_EMAILS_PER_IP_PER_HOUR,
} from './magic-link'

const signInEmails = (...to: string[]) =>
  db
    .select()
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.toAddress, to), eq(emailOutbox.template, 'sign-in-link')))
const unique = () => crypto.randomUUID().slice(0, 8)
const callback = (to: string, origin = 'https://tremplin.test') =>
  `${origin}/api/auth/callback/email?token=t&email=${encodeURIComponent(to)}`

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('sign-in emails', () => {
  it('link to the confirmation page on APP_URL, never to the consuming callback nor to the request’s host', async () => {
    vi.stubEnv('APP_URL', 'https://tremplin.test')
    const to = `flood-${unique()}@test.example`
    await enqueueSignInEmail(db, {
      identifier: to,
      url: `http://evil.example/api/auth/callback/email?token=abc&email=${encodeURIComponent(to)}`,
    })
    const [email] = await signInEmails(to)
    expect(email!.text).toContain('https://tremplin.test/connexion/confirmer?token=abc')
    expect(email!.text).not.toContain('/api/auth/callback')
    expect(email!.text).not.toContain('evil.example')
  })

  it('are capped per address and hour, even when requested all at once', async () => {
    const to = `flood-${unique()}@test.example`
    await Promise.all(
      Array.from({ length: 15 }, () =>
        enqueueSignInEmail(db, { identifier: to, url: callback(to) }),
      ),
    )
    expect(await signInEmails(to)).toHaveLength(MAX_SIGN_IN_EMAILS_PER_HOUR)
    await enqueueSignInEmail(db, {
      identifier: to,
      url: callback(to),
      now: new Date(Date.now() + 3601_000),
    })
    expect(await signInEmails(to)).toHaveLength(MAX_SIGN_IN_EMAILS_PER_HOUR + 1)
  })

  it('count one mailbox whatever the case, spaces or +tag of the address', async () => {
    const name = `flood-${unique()}`
    const variants = Array.from({ length: MAX_SIGN_IN_EMAILS_PER_HOUR + 5 }, (_, i) =>
      i % 2 ? `${name}+${i}@test.example` : ` ${name.toUpperCase()}+${i}@Test.Example `,
    )
    for (const to of variants) await enqueueSignInEmail(db, { identifier: to, url: callback(to) })
    const sent = await signInEmails(...variants.map((v) => v.trim().toLowerCase()))
    expect(sent).toHaveLength(MAX_SIGN_IN_EMAILS_PER_HOUR)
  })

  it('are capped per client IP and hour across addresses; without a known IP only the address counts', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`
    const addresses = Array.from(
      { length: MAX_SIGN_IN_EMAILS_PER_IP_PER_HOUR + 3 },
      () => `ip-${unique()}@test.example`,
    )
    for (const to of addresses)
      await enqueueSignInEmail(db, { identifier: to, url: callback(to), ip })
    expect(await signInEmails(...addresses)).toHaveLength(MAX_SIGN_IN_EMAILS_PER_IP_PER_HOUR)
    const another = `ip-${unique()}@test.example`
    await enqueueSignInEmail(db, {
      identifier: another,
      url: callback(another),
      ip: `2001:db8::${unique().slice(0, 4)}`,
    })
    await enqueueSignInEmail(db, {
      identifier: addresses.at(-1)!,
      url: callback(addresses.at(-1)!),
      ip: null,
    })
    expect(await signInEmails(another, addresses.at(-1)!)).toHaveLength(2)
  })
})

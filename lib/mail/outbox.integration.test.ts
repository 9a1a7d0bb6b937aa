import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/db'
import { emailOutbox, establishments } from '@/db/schema'
import { createEstablishment } from '@/db/test/factories'
import { dispatchDueEmails } from './dispatch'
import { enqueueEmail } from './enqueue'
import { RETRY_WINDOW_MS } from './backoff'
import {
  MailTransportError,
  resendTransport,
  type MailTransport,
  type OutgoingEmail,
} from './transports'

const uniqueEmail = () => `dest-${crypto.randomUUID().slice(0, 8)}@test.example`
const props = {
  url: 'https://tremplin.test/connexion/confirmer?token=t&email=e',
  host: 'tremplin.test',
  expiresInMinutes: 30,
}

async function enqueueOne(to = uniqueEmail(), dedupeKey?: string) {
  return db.transaction((tx) =>
    enqueueEmail(tx, { template: 'sign-in-link', to, props, dedupeKey }),
  )
}

// Scoped to this test's rows: other test files run at the same time on the same database.
const dispatchOnly = (ids: string[], transport: MailTransport) =>
  dispatchDueEmails(db, transport, { ids })

const recording = () => {
  const sent: OutgoingEmail[] = []
  const transport: MailTransport = {
    name: 'recording',
    async send(email) {
      sent.push(email)
      return { providerMessageId: `rec-${email.id}` }
    },
  }
  return { sent, transport }
}

const failing = (error: Error): MailTransport => ({
  name: 'failing',
  async send() {
    throw error
  },
})

async function row(id: string) {
  const [r] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id))
  return r!
}

describe('outbox enqueue', () => {
  it('renders the French template with an HTML and a plain-text part', async () => {
    const to = uniqueEmail()
    const id = (await enqueueOne(to))!
    const r = await row(id)
    expect(r.toAddress).toBe(to)
    expect(r.subject).toBe('Votre lien de connexion à Tremplin')
    expect(r.html).toMatch(/<html[^>]* lang="fr"/)
    expect(r.html).not.toMatch(/lang="en"/)
    expect(r.html).toContain(props.url.replace(/&/g, '&amp;'))
    expect(r.text).toContain('Pour vous connecter à Tremplin')
    expect(r.text).toContain(props.url)
    expect(r.status).toBe('pending')
  })

  it('keeps no email when the state change that queued it rolls back', async () => {
    const to = uniqueEmail()
    const uai = `R${crypto.randomUUID().slice(0, 7)}`
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(establishments).values({ uai, name: 'x', city: 'y', slug: uai })
        await enqueueEmail(tx, { template: 'sign-in-link', to, props })
        throw new Error('the business rule failed after queuing')
      }),
    ).rejects.toThrow('business rule')
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).toHaveLength(0)
    expect(await db.select().from(establishments).where(eq(establishments.uai, uai))).toHaveLength(
      0,
    )
  })

  it('queues an email with a dedupe key only once', async () => {
    const key = `reminder:${crypto.randomUUID()}:j-7`
    const first = await enqueueOne(uniqueEmail(), key)
    const second = await enqueueOne(uniqueEmail(), key)
    expect(first).toBeTruthy()
    expect(second).toBeNull()
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, key))).toHaveLength(
      1,
    )
  })

  it('stores the establishment when given', async () => {
    const establishment = await createEstablishment(db)
    const id = await db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'sign-in-link',
        to: uniqueEmail(),
        props,
        establishmentId: establishment.id,
      }),
    )
    expect((await row(id!)).establishmentId).toBe(establishment.id)
  })
})

describe('outbox dispatch', () => {
  it('sends due emails once and records the provider id', async () => {
    const id = (await enqueueOne())!
    const { sent, transport } = recording()
    await dispatchOnly([id], transport)
    const r = await row(id)
    expect(r.status).toBe('sent')
    expect(r.providerMessageId).toBe(`rec-${id}`)
    expect(r.sentAt).toBeInstanceOf(Date)
    expect(sent.filter((e) => e.id === id)).toHaveLength(1)
    const again = recording()
    await dispatchOnly([id], again.transport)
    expect(again.sent.filter((e) => e.id === id)).toHaveLength(0)
  })

  it('retries a failed send later with backoff, keeping the error', async () => {
    const id = (await enqueueOne())!
    await dispatchOnly([id], failing(new MailTransportError('provider down')))
    const r = await row(id)
    expect(r.status).toBe('pending')
    expect(r.attempts).toBe(1)
    expect(r.lastError).toBe('provider down')
    expect(r.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000)
  })

  it('honours the provider’s Retry-After on a 429', async () => {
    const id = (await enqueueOne())!
    await dispatchOnly(
      [id],
      failing(new MailTransportError('rate_limit_exceeded', { retryAfterMs: 3_600_000 })),
    )
    expect((await row(id)).nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000)
  })

  it('keeps retrying a transient failure long after eight attempts', async () => {
    const id = (await enqueueOne())!
    await db.update(emailOutbox).set({ attempts: 40 }).where(eq(emailOutbox.id, id))
    await dispatchOnly([id], failing(new Error('still down')))
    const r = await row(id)
    expect(r.status).toBe('pending')
    expect(r.attempts).toBe(41)
  })

  it('marks an email failed, never dead, once it has failed for the whole retry window', async () => {
    const id = (await enqueueOne())!
    const { createdAt } = await row(id)
    await dispatchDueEmails(db, failing(new TypeError('fetch failed')), {
      ids: [id],
      now: new Date(createdAt.getTime() + RETRY_WINDOW_MS),
    })
    const r = await row(id)
    expect(r.status).toBe('failed')
    expect(r.lastError).toBe('fetch failed')
  })

  it('keeps the state change committed when its email finally fails', async () => {
    const uai = `D${crypto.randomUUID().slice(0, 7)}`
    const id = await db.transaction(async (tx) => {
      await tx.insert(establishments).values({ uai, name: 'Lycée test', city: 'Albi', slug: uai })
      return enqueueEmail(tx, { template: 'sign-in-link', to: uniqueEmail(), props })
    })
    const { createdAt } = await row(id!)
    await dispatchDueEmails(db, failing(new Error('provider outage')), {
      ids: [id!],
      now: new Date(createdAt.getTime() + RETRY_WINDOW_MS + 1),
    })
    expect((await row(id!)).status).toBe('failed')
    expect(await db.select().from(establishments).where(eq(establishments.uai, uai))).toHaveLength(
      1,
    )
  })

  it('marks an email dead at once on a permanent provider error', async () => {
    const id = (await enqueueOne())!
    await dispatchOnly(
      [id],
      failing(new MailTransportError('validation_error: bad address', { permanent: true })),
    )
    expect((await row(id)).status).toBe('dead')
  })

  it('reclaims an email whose sender died mid-send', async () => {
    const id = (await enqueueOne())!
    await db
      .update(emailOutbox)
      .set({ status: 'sending', lockedUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(emailOutbox.id, id))
    const { sent, transport } = recording()
    await dispatchOnly([id], transport)
    expect(sent.some((e) => e.id === id)).toBe(true)
    expect((await row(id)).status).toBe('sent')
  })

  it('never sends the same email twice when two dispatchers run at once', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => enqueueOne()))
    const a = recording()
    const b = recording()
    await Promise.all([
      dispatchDueEmails(db, a.transport, { ids: ids as string[] }),
      dispatchDueEmails(db, b.transport, { ids: ids as string[] }),
    ])
    const mine = (list: OutgoingEmail[]) => list.filter((e) => ids.includes(e.id)).map((e) => e.id)
    const all = [...mine(a.sent), ...mine(b.sent)]
    expect(new Set(all).size).toBe(all.length)
    const rows = await db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, ids as string[]))
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
  })
})

describe('Resend transport', () => {
  let server: ReturnType<typeof createServer>
  let baseUrl: string
  const requests: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = []
  let respond: (res: ServerResponse) => void = () => {}

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = ''
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        requests.push({ headers: req.headers, body: JSON.parse(raw || '{}') })
        respond(res)
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  const email = {
    id: '6d1e0ef6-3d2b-4a57-a9f5-0b7bc0a1c001',
    to: 'a@test.example',
    subject: 'Objet',
    html: '<p>x</p>',
    text: 'x',
  }

  it('sends with the outbox id as idempotency key', async () => {
    respond = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ id: 'resend-123' }))
    }
    const transport = resendTransport({
      apiKey: 're_test',
      from: 'Tremplin <noreply@tremplin.test>',
      baseUrl,
    })
    await expect(transport.send(email)).resolves.toEqual({ providerMessageId: 'resend-123' })
    const last = requests.at(-1)!
    expect(last.headers['idempotency-key']).toBe(`tremplin-outbox-${email.id}`)
    expect(last.headers.authorization).toBe('Bearer re_test')
    expect(last.body).toMatchObject({
      to: 'a@test.example',
      subject: 'Objet',
      text: 'x',
      from: 'Tremplin <noreply@tremplin.test>',
      tags: [{ name: 'outbox_id', value: email.id }],
    })
  })

  it('turns a 429 into a retry that waits for Retry-After', async () => {
    respond = (res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' })
      res.end(
        JSON.stringify({
          name: 'rate_limit_exceeded',
          message: 'Too many requests',
          statusCode: 429,
        }),
      )
    }
    const transport = resendTransport({ apiKey: 're_test', from: 'x@tremplin.test', baseUrl })
    const error = await transport.send(email).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MailTransportError)
    expect((error as MailTransportError).options).toEqual({
      retryAfterMs: 42_000,
      permanent: false,
    })
  })

  it('retries on a 5xx, a key mistake and an unreachable provider, none of which blames the address', async () => {
    const transport = resendTransport({ apiKey: 're_test', from: 'x@tremplin.test', baseUrl })
    for (const [status, name] of [
      [500, 'internal_server_error'],
      [503, 'application_error'],
      [401, 'missing_api_key'],
      [403, 'invalid_api_key'],
    ] as const) {
      respond = (res) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ name, message: 'x', statusCode: status }))
      }
      const error = (await transport.send(email).catch((e: unknown) => e)) as MailTransportError
      expect(error, `${status} ${name}`).toBeInstanceOf(MailTransportError)
      expect(error.options.permanent, `${status} ${name}`).toBe(false)
    }
    const unreachable = resendTransport({
      apiKey: 're_test',
      from: 'x@tremplin.test',
      baseUrl: 'http://127.0.0.1:9',
    })
    const error = (await unreachable.send(email).catch((e: unknown) => e)) as MailTransportError
    expect(error).toBeInstanceOf(MailTransportError)
    expect(error.options.permanent).toBe(false)
  })

  it('treats a validation error as permanent', async () => {
    respond = (res) => {
      res.writeHead(422, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          name: 'validation_error',
          message: 'Invalid `to` field',
          statusCode: 422,
        }),
      )
    }
    const transport = resendTransport({ apiKey: 're_test', from: 'x@tremplin.test', baseUrl })
    const error = (await transport.send(email).catch((e: unknown) => e)) as MailTransportError
    expect(error.options.permanent).toBe(true)
  })
})

import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog, emailOutbox } from '@/db/schema'
import { createEstablishment, createUser } from '@/db/test/factories'
import { RETRY_WINDOW_MS } from './backoff'
import { dispatchDueEmails } from './dispatch'
import { enqueueEmail } from './enqueue'
import { outboxFailures, outboxHealth, requeueFailedEmails } from './outbox-health'
import { resendError, type MailTransport } from './transports'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const props = {
  url: 'https://tremplin.test/connexion/confirmer?token=t&email=e',
  host: 'tremplin.test',
  expiresInMinutes: 30,
}

async function enqueueFor(establishmentId: string) {
  const to = `outage-${crypto.randomUUID().slice(0, 8)}@test.example`
  return (await db.transaction((tx) =>
    enqueueEmail(tx, { template: 'sign-in-link', to, props, establishmentId }),
  ))!
}

/** A provider that fails the way real ones do while `down`, and counts what it delivers. */
function fakeProvider() {
  const delivered = new Map<string, number>()
  let calls = 0
  const provider = {
    down: true,
    delivered,
    transport: {
      name: 'fake',
      async send(email) {
        calls++
        if (provider.down) {
          if (calls % 3 === 0) throw new TypeError('fetch failed')
          if (calls % 3 === 1)
            throw resendError({
              name: 'internal_server_error',
              message: 'Internal server error',
              statusCode: 500,
            })
          throw resendError(
            { name: 'rate_limit_exceeded', message: 'Too many requests', statusCode: 429 },
            { 'retry-after': '90' },
          )
        }
        delivered.set(email.id, (delivered.get(email.id) ?? 0) + 1)
        return { providerMessageId: `fake-${email.id}` }
      },
    } satisfies MailTransport,
  }
  return provider
}

const rowsOf = (ids: string[]) => db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids))

describe('a provider outage delays mail, it never loses it', () => {
  it('delivers every email exactly once after a five-hour outage, none dead or failed', async () => {
    const establishment = await createEstablishment(db)
    const ids = await Promise.all(Array.from({ length: 10 }, () => enqueueFor(establishment.id)))
    const start = new Date(Math.max(...(await rowsOf(ids)).map((r) => r.createdAt.getTime())))
    const provider = fakeProvider()
    // The cron tick runs every five minutes on the controlled clock.
    let clock = start.getTime()
    const tick = () =>
      dispatchDueEmails(db, provider.transport, { ids, now: new Date(clock), batchSize: 50 })
    for (; clock < start.getTime() + 5 * HOUR; clock += 5 * MINUTE) await tick()

    const during = await rowsOf(ids)
    expect(during.every((r) => r.status === 'pending')).toBe(true)
    // The old dispatcher gave up after 8 attempts (32–64 minutes).
    expect(Math.min(...during.map((r) => r.attempts))).toBeGreaterThan(8)
    expect(provider.delivered.size).toBe(0)
    const health = await outboxHealth(db, establishment.id)
    expect(health).toMatchObject({ pending: 10, failed: 0, dead: 0 })
    expect(health.oldestPendingAt?.getTime()).toBeLessThanOrEqual(start.getTime())

    provider.down = false
    const recovered = clock
    for (; clock <= recovered + 2 * HOUR; clock += 5 * MINUTE) await tick()

    const after = await rowsOf(ids)
    expect(after.map((r) => r.status)).toEqual(ids.map(() => 'sent'))
    expect(ids.map((id) => provider.delivered.get(id))).toEqual(ids.map(() => 1))
    // Delivered within the hour that follows the recovery (the backoff's cap).
    for (const r of after)
      expect(r.sentAt!.getTime()).toBeLessThanOrEqual(recovered + HOUR + 5 * MINUTE)
    expect(await outboxHealth(db, establishment.id)).toEqual({
      pending: 0,
      oldestPendingAt: null,
      failed: 0,
      dead: 0,
    })
  })

  it('marks an email dead at once when the provider refuses it for good', async () => {
    const establishment = await createEstablishment(db)
    const id = await enqueueFor(establishment.id)
    const invalid: MailTransport = {
      name: 'refusing',
      async send() {
        throw resendError({
          name: 'validation_error',
          message: 'Invalid `to` field',
          statusCode: 422,
        })
      },
    }
    const result = await dispatchDueEmails(db, invalid, { ids: [id] })
    expect(result).toMatchObject({ dead: 1, retried: 0, failed: 0 })
    const [r] = await rowsOf([id])
    expect(r).toMatchObject({ status: 'dead', attempts: 1 })
    expect((await outboxHealth(db, establishment.id)).dead).toBe(1)
  })

  it('marks an email failed after the retry window, and delivers it once an admin re-queues it', async () => {
    const establishment = await createEstablishment(db)
    const other = await createEstablishment(db)
    const admin = await createUser(db)
    const [id, deadId, otherId] = [
      await enqueueFor(establishment.id),
      await enqueueFor(establishment.id),
      await enqueueFor(other.id),
    ]
    await db
      .update(emailOutbox)
      .set({ status: 'dead', lastError: 'validation_error: Invalid `to` field' })
      .where(eq(emailOutbox.id, deadId))
    const provider = fakeProvider()
    const [queued] = await rowsOf([id])
    const afterWindow = new Date(queued!.createdAt.getTime() + RETRY_WINDOW_MS + MINUTE)
    expect(
      await dispatchDueEmails(db, provider.transport, { ids: [id, otherId], now: afterWindow }),
    ).toMatchObject({ failed: 2, dead: 0 })

    expect(await outboxHealth(db, establishment.id)).toMatchObject({
      pending: 0,
      failed: 1,
      dead: 1,
    })
    const failures = await outboxFailures(db, establishment.id)
    expect(failures.rows.map((r) => [r.id, r.status]).sort()).toEqual(
      [
        [id, 'failed'],
        [deadId, 'dead'],
      ].sort(),
    )
    expect(failures.rows.find((r) => r.id === id)?.lastError).toMatch(
      /internal_server_error|rate_limit_exceeded|fetch failed/,
    )

    // An admin re-queues another establishment's row or a dead row: nothing moves.
    expect(
      await requeueFailedEmails(db, {
        establishmentId: establishment.id,
        actorUserId: admin.id,
        emailIds: [otherId, deadId],
      }),
    ).toBe(0)
    const requeuedAt = new Date(afterWindow.getTime() + HOUR)
    expect(
      await requeueFailedEmails(db, {
        establishmentId: establishment.id,
        actorUserId: admin.id,
        now: requeuedAt,
      }),
    ).toBe(1)
    const [requeued] = await rowsOf([id])
    expect(requeued).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: requeuedAt })
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'email.requeued'), eq(auditLog.subjectId, id)))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorUserId: admin.id, establishmentId: establishment.id })

    provider.down = false
    await dispatchDueEmails(db, provider.transport, { ids: [id, deadId, otherId], now: requeuedAt })
    expect(provider.delivered.get(id)).toBe(1)
    expect(provider.delivered.has(deadId) || provider.delivered.has(otherId)).toBe(false)
    expect((await rowsOf([id, otherId])).map((r) => [r.id, r.status]).sort()).toEqual(
      [
        [id, 'sent'],
        [otherId, 'failed'],
      ].sort(),
    )
  })

  it('gives a re-queued email a fresh retry window: an outage still going on does not fail it again at once', async () => {
    const establishment = await createEstablishment(db)
    const admin = await createUser(db)
    const id = await enqueueFor(establishment.id)
    const provider = fakeProvider()
    const [queued] = await rowsOf([id])
    const afterWindow = new Date(queued!.createdAt.getTime() + RETRY_WINDOW_MS + MINUTE)
    await dispatchDueEmails(db, provider.transport, { ids: [id], now: afterWindow })
    const requeuedAt = new Date(afterWindow.getTime() + HOUR)
    await requeueFailedEmails(db, {
      establishmentId: establishment.id,
      actorUserId: admin.id,
      now: requeuedAt,
    })

    // The provider is still down when the re-queued email is tried: it waits, it is not failed.
    expect(
      await dispatchDueEmails(db, provider.transport, { ids: [id], now: requeuedAt }),
    ).toMatchObject({ retried: 1, failed: 0 })
    expect((await rowsOf([id]))[0]).toMatchObject({
      status: 'pending',
      retryWindowStartsAt: requeuedAt,
    })
  })
})

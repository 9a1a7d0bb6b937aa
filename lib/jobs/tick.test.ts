import { describe, expect, it } from 'vitest'
import type { Database } from '@/db'
import type { MailTransport } from '@/lib/mail/transports'
import { runTick, tickFailed, type Job } from './tick'

const db = {} as Database
const transport: MailTransport = { name: 'test', send: async () => ({ providerMessageId: null }) }

function quietOptions(now: Date = new Date('2026-03-01T08:00:00Z')) {
  const errors: [string, unknown][] = []
  return {
    errors,
    options: {
      transport,
      now: () => now,
      lastStarted: new Map<string, number>(),
      onJobError: (job: string, error: unknown) => void errors.push([job, error]),
    },
  }
}

describe('background jobs', () => {
  it('runs the next job when one fails, and reports and logs the failure', async () => {
    const ran: string[] = []
    const jobs: Job[] = [
      { name: 'first', everyMs: 0, run: async () => (ran.push('first'), { sent: 2 }) },
      {
        name: 'broken',
        everyMs: 0,
        run: async () => {
          ran.push('broken')
          throw new Error('database went away')
        },
      },
      { name: 'last', everyMs: 0, run: async () => (ran.push('last'), { withdrawn: 1 }) },
    ]
    const { errors, options } = quietOptions()
    const result = await runTick(db, jobs, options)

    expect(ran).toEqual(['first', 'broken', 'last'])
    expect(result.first).toMatchObject({ status: 'done', sent: 2 })
    expect(result.broken).toMatchObject({ status: 'failed', error: 'database went away' })
    expect(result.last).toMatchObject({ status: 'done', withdrawn: 1 })
    expect(tickFailed(result)).toBe(true)
    expect(errors.map(([job]) => job)).toEqual(['broken'])
    expect(errors[0]![1]).toBeInstanceOf(Error)
  })

  it('reports a tick where every job succeeded as not failed', async () => {
    const { options } = quietOptions()
    const result = await runTick(db, [{ name: 'ok', everyMs: 0, run: async () => ({}) }], options)
    expect(result.ok).toMatchObject({ status: 'done', ms: expect.any(Number) })
    expect(tickFailed(result)).toBe(false)
  })

  it('runs a job again only once its interval has (nearly) passed; an every-tick job always', async () => {
    let clock = new Date('2026-03-01T08:00:00Z').getTime()
    const runs = { mail: 0, reminders: 0 }
    const jobs: Job[] = [
      { name: 'mail', everyMs: 0, run: async () => (runs.mail++, {}) },
      { name: 'reminders', everyMs: 60_000, run: async () => (runs.reminders++, {}) },
    ]
    const { options } = quietOptions()
    const tick = () => runTick(db, jobs, { ...options, now: () => new Date(clock) })

    expect((await tick()).reminders).toEqual({ status: 'done', ms: expect.any(Number) })
    clock += 30_000
    expect((await tick()).reminders).toEqual({ status: 'not-due' })
    clock += 25_000 // 55 s after the first start: a cron a little early still runs it
    expect((await tick()).reminders).toMatchObject({ status: 'done' })
    expect(runs).toEqual({ mail: 3, reminders: 2 })
  })

  it('passes the tick’s clock and mail transport to each job', async () => {
    const now = new Date('2026-03-01T08:00:00Z')
    let seen: unknown
    const { options } = quietOptions(now)
    await runTick(
      db,
      [{ name: 'look', everyMs: 0, run: async (_db, context) => ((seen = context), {}) }],
      options,
    )
    expect(seen).toEqual({ now, transport })
  })
})

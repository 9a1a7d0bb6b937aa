import { and, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog, emailOutbox } from '@/db/schema'
import { commission, decide, publish, statusOf, underReview } from '@/db/test/commission'
import { runDecisionDeadlines } from './answer-deadlines'
import { confirmPlace } from './candidate-answer'

const DAY = 86_400_000

describe('answer deadlines', () => {
  it('leaves reminded candidates whose date has not passed out of the batch, so every admitted candidate is reminded', async () => {
    const c = await commission(3)
    await underReview(c)
    await decide(
      c,
      c.files.map((f) => ({ applicationId: f.applicationId, outcome: 'admitted' as const })),
    )
    const published = new Date()
    await publish(c, published)
    // Other tests' admitted candidates share the database: run small batches until one does nothing.
    const runUntilIdle = async (at: Date) => {
      for (let run = 0; run < 30; run++) {
        const { reminded, withdrawn } = await runDecisionDeadlines(db, at, { batch: 2 })
        if (reminded + withdrawn === 0) return run
      }
      throw new Error('never idle')
    }
    await runUntilIdle(new Date(published.getTime() + 5.5 * DAY))
    for (const f of c.files)
      expect(
        await db
          .select()
          .from(emailOutbox)
          .where(
            and(
              eq(emailOutbox.toAddress, f.user.email),
              eq(emailOutbox.template, 'decision-reminder'),
            ),
          ),
      ).toHaveLength(1)
    // After the date, everyone reminded is withdrawn, batch after batch.
    await runUntilIdle(new Date(published.getTime() + 8 * DAY))
    for (const f of c.files) expect(await statusOf(f.applicationId)).toBe('auto_withdrawn')
  })

  it('reminds an admitted candidate who does not answer, then withdraws them after the date and offers the place', async () => {
    const c = await commission(2)
    await underReview(c)
    const [a, w] = c.files
    await decide(c, [
      { applicationId: a!.applicationId, outcome: 'admitted' },
      { applicationId: w!.applicationId, outcome: 'waitlisted' },
    ])
    const published = new Date()
    await publish(c, published)

    await runDecisionDeadlines(db, new Date(published.getTime() + 4 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, a!.user.email),
            eq(emailOutbox.template, 'decision-reminder'),
          ),
        ),
    ).toHaveLength(0)
    await runDecisionDeadlines(db, new Date(published.getTime() + 5.5 * DAY))
    await runDecisionDeadlines(db, new Date(published.getTime() + 5.6 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, a!.user.email),
            eq(emailOutbox.template, 'decision-reminder'),
          ),
        ),
    ).toHaveLength(1)
    expect(await statusOf(a!.applicationId)).toBe('admitted')

    await Promise.all([
      runDecisionDeadlines(db, new Date(published.getTime() + 7.1 * DAY)),
      runDecisionDeadlines(db, new Date(published.getTime() + 7.1 * DAY)),
    ])
    expect(await statusOf(a!.applicationId)).toBe('auto_withdrawn')
    expect(await statusOf(w!.applicationId)).toBe('admitted')
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(eq(emailOutbox.toAddress, a!.user.email), eq(emailOutbox.template, 'place-released')),
        ),
    ).toHaveLength(1)
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectId, a!.applicationId),
          eq(auditLog.action, 'application.status_changed'),
        ),
      )
    expect(audit.map((e) => (e.after as { status: string }).status).slice(-2)).toEqual([
      'admitted',
      'auto_withdrawn',
    ])
  })

  it('sends no answer reminder once the candidate has answered', async () => {
    const c = await commission(1)
    await underReview(c)
    const [a] = c.files
    await decide(c, [{ applicationId: a!.applicationId, outcome: 'admitted' }])
    const published = new Date()
    await publish(c, published)
    await confirmPlace(db, { userId: a!.user.id, applicationId: a!.applicationId })
    await runDecisionDeadlines(db, new Date(published.getTime() + 6 * DAY))
    await runDecisionDeadlines(db, new Date(published.getTime() + 8 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, a!.user.email),
            like(emailOutbox.template, 'decision-reminder'),
          ),
        ),
    ).toHaveLength(0)
    expect(await statusOf(a!.applicationId)).toBe('confirmed')
  })
})

import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { clear, consume, countSince, pruneEvents, record } from './events'

const key = () => crypto.randomUUID()
const HOUR = 3600_000

describe('rate-limit events', () => {
  it('lets exactly the allowed number through when requests arrive all at once', async () => {
    const k = key()
    const since = new Date(Date.now() - HOUR)
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction((tx) => consume(tx, [{ bucket: 'test', key: k, max: 3, since }])),
      ),
    )
    expect(results.filter((r) => r === null)).toHaveLength(3)
    expect(await countSince(db, 'test', k, since)).toBe(3)
  })

  it('checks every limit before recording any, and names the one that refused', async () => {
    const [a, b] = [key(), key()]
    const since = new Date(Date.now() - HOUR)
    const limits = [
      { bucket: 'test-a', key: a, max: 5, since, times: 2 },
      { bucket: 'test-b', key: b, max: 3, since, times: 2 },
    ]
    expect(await db.transaction((tx) => consume(tx, limits))).toBeNull()
    expect((await db.transaction((tx) => consume(tx, limits)))?.bucket).toBe('test-b')
    expect(await countSince(db, 'test-a', a, since)).toBe(2)
    expect(await countSince(db, 'test-b', b, since)).toBe(2)
  })

  it('forgets events outside the window, and all of them when cleared', async () => {
    const k = key()
    const now = Date.now()
    await db.transaction((tx) =>
      consume(
        tx,
        [{ bucket: 'test', key: k, max: 1, since: new Date(now - 2 * HOUR) }],
        new Date(now - 2 * HOUR),
      ),
    )
    expect(
      await db.transaction((tx) =>
        consume(
          tx,
          [{ bucket: 'test', key: k, max: 1, since: new Date(now - HOUR) }],
          new Date(now),
        ),
      ),
    ).toBeNull()
    expect(await countSince(db, 'test', k, new Date(0))).toBe(2)
    expect(await clear(db, 'test', k)).toBe(2)
    expect(await countSince(db, 'test', k, new Date(0))).toBe(0)
  })

  it('prunes old events, keeping the buckets counted for ever and the recent ones', async () => {
    const k = key()
    const now = Date.now()
    const old = new Date(now - 3 * 24 * HOUR)
    await record(db, 'test-prune', k, old, 3)
    await record(db, 'test-prune-ever', k, old)
    await record(db, 'test-prune', k, new Date(now))
    // A batch at a time, until a batch comes back short (other tests' old events count too).
    const prune = () =>
      pruneEvents(db, {
        before: new Date(now - 2 * 24 * HOUR),
        keep: ['test-prune-ever'],
        batchSize: 2,
      })
    while ((await prune()) === 2);
    expect(await countSince(db, 'test-prune', k, new Date(0))).toBe(1)
    expect(await countSince(db, 'test-prune-ever', k, new Date(0))).toBe(1)
  })
})

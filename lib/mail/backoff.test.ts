import { describe, expect, it } from 'vitest'
import {
  afterTransientFailure,
  MAX_DELAY_MS,
  parseRetryAfter,
  RETRY_WINDOW_MS,
  retryDelayMs,
} from './backoff'

describe('retry delay', () => {
  it('doubles per attempt between half and all of the step', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(15_000)
    expect(retryDelayMs(1, undefined, () => 1)).toBe(30_000)
    expect(retryDelayMs(3, undefined, () => 1)).toBe(120_000)
  })
  it('never waits more than an hour of its own accord', () => {
    expect(retryDelayMs(30, undefined, () => 1)).toBe(3_600_000)
  })
  it('honours a longer Retry-After from the provider', () => {
    expect(retryDelayMs(1, 90_000, () => 1)).toBe(90_000)
    expect(retryDelayMs(5, 1_000, () => 1)).toBe(480_000)
  })
  it('caps a provider’s Retry-After at a day', () => {
    expect(retryDelayMs(1, 10 * 365 * 24 * 3600_000, () => 1)).toBe(24 * 3600_000)
  })
})

describe('retry window', () => {
  const createdAt = new Date('2027-01-01T00:00:00Z')
  const later = (ms: number) => new Date(createdAt.getTime() + ms)

  it('retries for at least 72 hours, whatever the number of attempts', () => {
    expect(RETRY_WINDOW_MS).toBeGreaterThanOrEqual(72 * 3600_000)
    const decision = afterTransientFailure({ createdAt, attempts: 500 }, later(72 * 3600_000), {
      random: () => 1,
    })
    expect(decision).toEqual({ kind: 'retry', at: later(72 * 3600_000 + MAX_DELAY_MS) })
  })
  it('gives up once the email has failed for the whole window', () => {
    expect(afterTransientFailure({ createdAt, attempts: 3 }, later(RETRY_WINDOW_MS))).toEqual({
      kind: 'give-up',
    })
    expect(afterTransientFailure({ createdAt, attempts: 3 }, later(RETRY_WINDOW_MS - 1)).kind).toBe(
      'retry',
    )
  })
  it('keeps retrying through a five-hour outage, at least once an hour', () => {
    let now = createdAt
    let attempts = 0
    while (now < later(5 * 3600_000)) {
      attempts++
      const decision = afterTransientFailure({ createdAt, attempts }, now)
      if (decision.kind !== 'retry') throw new Error(`gave up after ${attempts} attempts`)
      expect(decision.at.getTime() - now.getTime()).toBeLessThanOrEqual(MAX_DELAY_MS)
      now = decision.at
    }
    expect(attempts).toBeGreaterThan(8)
  })
})

describe('Retry-After header', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12_000)
    const now = new Date('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('nonsense')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})

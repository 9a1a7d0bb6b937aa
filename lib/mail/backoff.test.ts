import { describe, expect, it } from 'vitest'
import { parseRetryAfter, retryDelayMs } from './backoff'

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

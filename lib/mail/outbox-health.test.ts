import { describe, expect, it } from 'vitest'
import { formatWait } from './outbox-health'

describe('wait of the oldest pending email', () => {
  it('reads in French at the scale of minutes, hours and days', () => {
    expect(formatWait(20_000)).toBe('moins d’une minute')
    expect(formatWait(12 * 60_000)).toBe('12 min')
    expect(formatWait((2 * 60 + 5) * 60_000)).toBe('2 h 05 min')
    expect(formatWait((3 * 24 + 4) * 3600_000 + 59 * 60_000)).toBe('3 j 4 h')
  })
})

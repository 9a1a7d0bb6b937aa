import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format'

describe('French dates', () => {
  it('shows dates in Paris time, in French', () => {
    expect(formatDate(new Date('2026-03-31T23:30:00Z'))).toBe('1 avril 2026')
    expect(formatDateTime(new Date('2026-01-15T08:05:00Z'))).toBe('15/01/2026 09:05')
  })
})

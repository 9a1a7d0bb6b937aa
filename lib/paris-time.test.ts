import { describe, expect, it } from 'vitest'
import { parisDateToInstant, toParisDate } from './paris-time'

describe('Paris dates', () => {
  it('turns a calendar day into its first and last second in Paris, summer and winter', () => {
    expect(parisDateToInstant('2027-01-15', 'start').toISOString()).toBe('2027-01-14T23:00:00.000Z')
    expect(parisDateToInstant('2027-01-15', 'end').toISOString()).toBe('2027-01-15T22:59:59.000Z')
    expect(parisDateToInstant('2027-07-01', 'end').toISOString()).toBe('2027-07-01T21:59:59.000Z')
  })
  it('reads an instant back as the Paris day', () => {
    expect(toParisDate(new Date('2027-01-15T22:59:59Z'))).toBe('2027-01-15')
    expect(toParisDate(new Date('2027-07-01T22:30:00Z'))).toBe('2027-07-02')
  })
})

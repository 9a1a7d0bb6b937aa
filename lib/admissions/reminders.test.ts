import { describe, expect, it } from 'vitest'
import { dueStep } from './reminders'

const DAY = 86_400_000
const closes = new Date('2027-03-15T22:59:00Z')
const longAgo = new Date('2027-01-01T00:00:00Z')
const at = (daysBefore: number) => new Date(closes.getTime() - daysBefore * DAY)

describe('file reminder steps', () => {
  it('is J-7, then J-3, then J-1 as the closing date nears, and nothing before or after', () => {
    expect(dueStep(closes, at(8), longAgo)).toBeNull()
    expect(dueStep(closes, at(6.5), longAgo)).toBe(7)
    expect(dueStep(closes, at(2.5), longAgo)).toBe(3)
    expect(dueStep(closes, at(0.5), longAgo)).toBe(1)
    expect(dueStep(closes, at(-0.1), longAgo)).toBeNull()
  })

  it('skips a step already past when the file was started', () => {
    expect(dueStep(closes, at(4), at(5))).toBeNull()
    expect(dueStep(closes, at(2.5), at(5))).toBe(3)
    expect(dueStep(closes, at(1.5), at(2))).toBeNull()
    expect(dueStep(closes, at(0.5), at(2))).toBe(1)
  })
})

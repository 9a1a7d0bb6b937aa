import { describe, expect, it } from 'vitest'
import { formatPhone, isMobile, toE164 } from './phone'

describe('phone numbers', () => {
  it('store French numbers written any usual way as E.164', () => {
    expect(toE164('06 12 34 56 78')).toBe('+33612345678')
    expect(toE164('+33 6 12 34 56 78')).toBe('+33612345678')
    expect(toE164('0033612345678')).toBe('+33612345678')
    expect(toE164('05.61.00.00.00')).toBe('+33561000000')
  })
  it('accept international numbers', () => {
    expect(toE164('+32 470 12 34 56')).toBe('+32470123456')
    expect(toE164('+1 415 555 2671')).toBe('+14155552671')
  })
  it('refuse what is not a phone number', () => {
    expect(toE164('12')).toBeNull()
    expect(toE164('bonjour')).toBeNull()
    expect(toE164('')).toBeNull()
  })
  it('formats for display and tells mobiles apart', () => {
    expect(formatPhone('+33612345678')).toBe('+33 6 12 34 56 78')
    expect(isMobile('+33612345678')).toBe(true)
    expect(isMobile('+33561000000')).toBe(false)
  })
})

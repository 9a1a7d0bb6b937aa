import { describe, expect, it } from 'vitest'
import { ageOn, consentStatus, isMinor, mayUseStudentFeatures } from './consent-status'

describe('the minor rule', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2008-12-02', '2026-12-01')).toBe(17)
    expect(ageOn('2008-12-02', '2026-12-02')).toBe(18)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })

  it('is a minor until the eighteenth birthday, on the Paris calendar', () => {
    // 1 December 23:30 UTC is already 2 December in Paris: the pupil is 18 there.
    expect(isMinor('2008-12-02', new Date('2026-12-01T23:30:00Z'))).toBe(false)
    expect(isMinor('2008-12-02', new Date('2026-12-01T22:30:00Z'))).toBe(true)
    expect(isMinor('2012-03-14', new Date('2026-12-01T12:00:00Z'))).toBe(true)
    expect(isMinor('2000-01-01', new Date('2026-12-01T12:00:00Z'))).toBe(false)
  })

  it('treats an unknown birth date as a minor (consent is asked rather than skipped)', () => {
    expect(isMinor(null, new Date('2026-12-01T12:00:00Z'))).toBe(true)
  })
})

describe('consent status', () => {
  const none = { minor: true, inForce: false, openRequest: false, withdrawn: false }

  it('is not required of an adult, whatever the rows say', () => {
    expect(consentStatus({ ...none, minor: false })).toBe('not_required')
    expect(consentStatus({ ...none, minor: false, withdrawn: true })).toBe('not_required')
  })

  it('is in force over an open request or an earlier withdrawal', () => {
    expect(consentStatus({ ...none, inForce: true, withdrawn: true })).toBe('in_force')
    expect(consentStatus({ ...none, inForce: true, openRequest: true })).toBe('in_force')
  })

  it('is requested while a link is out, even after a withdrawal', () => {
    expect(consentStatus({ ...none, openRequest: true, withdrawn: true })).toBe('requested')
  })

  it('is withdrawn, else missing', () => {
    expect(consentStatus({ ...none, withdrawn: true })).toBe('withdrawn')
    expect(consentStatus(none)).toBe('missing')
  })
})

describe('the student gate', () => {
  it('lets an adult in, and a minor only with a consent in force', () => {
    expect(mayUseStudentFeatures({ minor: false, inForce: false })).toBe(true)
    expect(mayUseStudentFeatures({ minor: true, inForce: true })).toBe(true)
    expect(mayUseStudentFeatures({ minor: true, inForce: false })).toBe(false)
  })
})

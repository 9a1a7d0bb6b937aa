import { describe, expect, it } from 'vitest'
import { percent, rosterCounts, totalsOf, type StudentSituation } from './dashboards'

const row = (over: Partial<StudentSituation>): StudentSituation => ({
  id: 'x',
  classId: 'c',
  className: '3e A',
  firstName: 'A',
  lastName: 'B',
  birthDate: '2012-01-01',
  guardianEmail: null,
  guardianName: null,
  minor: true,
  accountLinked: false,
  invitationPending: false,
  consent: 'missing',
  consentInForce: null,
  openRequest: null,
  mayUseStudentFeatures: false,
  ...over,
})

describe('dashboard figures', () => {
  it('never rounds a class up to 100 % ready while one pupil is missing', () => {
    expect(percent(29, 30)).toBe(96)
    expect(percent(30, 30)).toBe(100)
    expect(percent(0, 0)).toBe(0)
  })

  it('counts a pupil as ready only with an account and, when a minor, a consent in force', () => {
    const counts = rosterCounts([
      row({ accountLinked: true, consent: 'in_force', mayUseStudentFeatures: true }),
      row({ accountLinked: true, consent: 'requested' }),
      row({ accountLinked: false, consent: 'in_force', mayUseStudentFeatures: true }),
      row({
        minor: false,
        accountLinked: true,
        consent: 'not_required',
        mayUseStudentFeatures: true,
      }),
      row({ birthDate: null, consent: 'withdrawn' }),
    ])
    expect(counts).toEqual({
      students: 5,
      accounts: 3,
      minors: 4,
      unknownBirthDates: 1,
      inForce: 2,
      requested: 1,
      missing: 1,
      ready: 2,
    })
  })

  it('adds the classes up for the head’s summary', () => {
    const c = {
      id: 'c',
      name: '3e A',
      level: '3e',
      schoolYearLabel: '2026-2027',
      internshipsEnabled: true,
    }
    expect(
      totalsOf([
        { ...c, students: 24, accounts: 20, minors: 24, minorsWithoutConsent: 8, ready: 14 },
        { ...c, students: 22, accounts: 2, minors: 21, minorsWithoutConsent: 21, ready: 1 },
      ]),
    ).toEqual({
      classes: 2,
      students: 46,
      accounts: 22,
      minors: 45,
      minorsWithoutConsent: 29,
      ready: 15,
    })
  })
})

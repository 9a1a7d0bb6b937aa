import { describe, expect, it } from 'vitest'
import { periodProblems } from './internship-periods'
import { schoolYearDatesFor } from './school-years'

const year = { label: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-07-04' }

describe('internship periods', () => {
  it('accepts periods inside the year that do not overlap', () => {
    const problems = periodProblems(
      [
        { startsOn: '2026-12-07', endsOn: '2026-12-11' },
        { startsOn: '2027-03-01', endsOn: '2027-03-05' },
      ],
      year,
    )
    expect(problems.size).toBe(0)
  })

  it('refuses a period that ends before it starts, one outside the year, and an overlap', () => {
    const problems = periodProblems(
      [
        { startsOn: '2026-12-11', endsOn: '2026-12-07' },
        { startsOn: '2027-07-01', endsOn: '2027-07-10' },
        { startsOn: '2027-03-01', endsOn: '2027-03-05' },
        { startsOn: '2027-03-05', endsOn: '2027-03-09' },
      ],
      year,
    )
    expect(problems.get(0)).toMatch(/début doit précéder/)
    expect(problems.get(1)).toMatch(/comprise dans l’année scolaire 2026-2027/)
    expect(problems.has(2)).toBe(false)
    expect(problems.get(3)).toBe('Cette période chevauche celle du 01/03/2027 au 05/03/2027.')
  })
})

describe('school years', () => {
  it('opens the coming year from August, and keeps the current one until July', () => {
    expect(schoolYearDatesFor('2026-12-02')).toEqual({
      label: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2027-07-04',
    })
    expect(schoolYearDatesFor('2027-07-03').label).toBe('2026-2027')
    expect(schoolYearDatesFor('2027-08-20').label).toBe('2027-2028')
  })
})

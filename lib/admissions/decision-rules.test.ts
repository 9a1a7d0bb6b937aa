import { describe, expect, it } from 'vitest'
import { decisionRefusal, responseDeadlineFor } from './decision-rules'

const DAY = 86_400_000

describe('the date an admitted candidate answers by', () => {
  const now = new Date('2027-05-10T08:00:00Z')
  it('is the campaign’s fixed date while it is still ahead', () => {
    const fixed = new Date('2027-05-20T21:59:59Z')
    expect(responseDeadlineFor({ responseDeadline: fixed, responseDays: 7 }, now)).toEqual(fixed)
  })
  it('is N days after the decision when there is no date, or it has passed (a place offered late)', () => {
    expect(responseDeadlineFor({ responseDeadline: null, responseDays: 7 }, now)).toEqual(
      new Date(now.getTime() + 7 * DAY),
    )
    expect(
      responseDeadlineFor(
        { responseDeadline: new Date('2027-05-01T00:00:00Z'), responseDays: 3 },
        now,
      ),
    ).toEqual(new Date(now.getTime() + 3 * DAY))
  })
})

describe('when a decision may be entered', () => {
  it('only on a file under review, with the reason otherwise', () => {
    expect(decisionRefusal('under_review', 'admitted')).toBeNull()
    expect(decisionRefusal('complete', 'admitted')).toBe(
      'Décision impossible : la candidature est « Complète » et doit d’abord être mise en examen.',
    )
    expect(decisionRefusal('confirmed', 'rejected')).toBe(
      'Décision impossible : la candidature est « Confirmée ».',
    )
  })
})

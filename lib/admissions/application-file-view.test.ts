import { describe, expect, it } from 'vitest'
import {
  decisionCanBeEntered,
  documentVerdictsOpen,
  seesColleaguesMarks,
} from './application-file-view'

describe('who sees colleagues’ marks', () => {
  it('hides them from an assigned reviewer whose own grid is not finished', () => {
    expect(seesColleaguesMarks(false, { completedAt: null })).toBe(false)
  })
  it('shows them once the reviewer has finished their own grid', () => {
    expect(seesColleaguesMarks(false, { completedAt: new Date() })).toBe(true)
  })
  it('shows them at once to those who manage files, and to staff not assigned to it', () => {
    expect(seesColleaguesMarks(true, { completedAt: null })).toBe(true)
    expect(seesColleaguesMarks(false, undefined)).toBe(true)
  })
})

describe('what can still be done on a file', () => {
  it('takes a decision only on a file under review or on the waiting list', () => {
    expect(decisionCanBeEntered('under_review')).toBe(true)
    expect(decisionCanBeEntered('waitlisted')).toBe(true)
    expect(decisionCanBeEntered('submitted')).toBe(false)
    expect(decisionCanBeEntered('admitted')).toBe(false)
    expect(decisionCanBeEntered('withdrawn')).toBe(false)
  })
  it('takes document verdicts until an outcome', () => {
    expect(documentVerdictsOpen('submitted')).toBe(true)
    expect(documentVerdictsOpen('under_review')).toBe(true)
    expect(documentVerdictsOpen('admitted')).toBe(false)
    expect(documentVerdictsOpen('draft')).toBe(false)
  })
})

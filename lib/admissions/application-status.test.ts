import { describe, expect, it } from 'vitest'
import {
  applicationStates,
  canTransition,
  isFinal,
  transition,
  type Party,
  type ApplicationState,
} from './application-status'
import { itChecksEveryMove } from '@/lib/state-machine-testing'

// The full table of legal moves, restated independently: [from, to, actors allowed].
const legal: [ApplicationState, ApplicationState, Party[]][] = [
  ['draft', 'submitted', ['candidate']],
  ['submitted', 'incomplete', ['staff', 'system']],
  ['submitted', 'complete', ['staff', 'system']],
  ['submitted', 'withdrawn', ['candidate']],
  ['incomplete', 'complete', ['staff', 'system']],
  ['incomplete', 'withdrawn', ['candidate']],
  ['complete', 'incomplete', ['staff', 'system']],
  ['complete', 'under_review', ['staff', 'system']],
  ['complete', 'withdrawn', ['candidate']],
  ['under_review', 'admitted', ['staff']],
  ['under_review', 'waitlisted', ['staff']],
  ['under_review', 'rejected', ['staff']],
  ['under_review', 'withdrawn', ['candidate']],
  ['waitlisted', 'admitted', ['staff', 'system']],
  ['waitlisted', 'rejected', ['staff']],
  ['waitlisted', 'withdrawn', ['candidate']],
  ['admitted', 'confirmed', ['candidate']],
  ['admitted', 'withdrawn', ['candidate']],
  ['admitted', 'auto_withdrawn', ['system']],
  ['confirmed', 'withdrawn', ['candidate']],
]
const actors: Party[] = ['candidate', 'staff', 'system']

describe('application state machine', () => {
  itChecksEveryMove({ states: applicationStates, parties: actors, legal, transition })

  it('explains a refusal in French, naming the role when the move exists for someone else', () => {
    expect(() => transition('rejected', 'admitted', 'staff')).toThrow(
      'Impossible de passer une candidature « Défavorable » à « Favorable ».',
    )
    expect(() => transition('admitted', 'confirmed', 'staff')).toThrow(
      'Impossible de passer une candidature « Favorable » à « Confirmée » avec ce rôle.',
    )
  })

  it('ends in rejected, withdrawn and automatic withdrawal only', () => {
    expect(applicationStates.filter(isFinal)).toEqual(['rejected', 'withdrawn', 'auto_withdrawn'])
    expect(canTransition('confirmed', 'admitted')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { IllegalTransitionError, stateMachine } from './state-machine'

// A door: the smallest lifecycle that has a role, a dead end and two ways into one state.
const door = stateMachine<'open' | 'closed' | 'locked' | 'broken', 'anyone' | 'keeper'>({
  subject: 'une porte',
  labels: { open: 'Ouverte', closed: 'Fermée', locked: 'Verrouillée', broken: 'Cassée' },
  transitions: {
    open: [
      { to: 'closed', by: ['anyone', 'keeper'], why: 'fermée' },
      { to: 'broken', by: ['anyone'], why: 'forcée' },
    ],
    closed: [
      { to: 'open', by: ['anyone', 'keeper'], why: 'ouverte' },
      { to: 'locked', by: ['keeper'], why: 'verrouillée par le gardien' },
      { to: 'broken', by: ['anyone'], why: 'forcée' },
    ],
    locked: [{ to: 'closed', by: ['keeper'], why: 'déverrouillée par le gardien' }],
    broken: [],
  },
})

describe('state machines', () => {
  it('gives the reason of a legal move, for the audit log', () => {
    expect(door.transition('closed', 'locked', 'keeper')).toEqual({
      from: 'closed',
      to: 'locked',
      reason: 'verrouillée par le gardien',
    })
  })

  it('refuses a move that does not exist, naming both states in French', () => {
    expect(() => door.transition('broken', 'open', 'keeper')).toThrow(
      new IllegalTransitionError(
        'broken',
        'open',
        'keeper',
        'Impossible de passer une porte « Cassée » à « Ouverte ».',
      ),
    )
  })

  it('refuses a move that exists for another role, and says so', () => {
    expect(() => door.transition('closed', 'locked', 'anyone')).toThrow(
      'Impossible de passer une porte « Fermée » à « Verrouillée » avec ce rôle.',
    )
    expect(door.can('closed', 'locked')).toBe(true)
    expect(door.can('closed', 'locked', 'anyone')).toBe(false)
  })

  it('lists where a role may go, where a state is reached from, and the dead ends', () => {
    expect(door.nextStates('closed', 'anyone')).toEqual(['open', 'broken'])
    expect(door.sourcesOf('broken')).toEqual(['open', 'closed'])
    expect(door.sourcesOf('closed', 'anyone')).toEqual(['open'])
    expect(door.states.filter(door.isFinal)).toEqual(['broken'])
  })
})

import { expect, it } from 'vitest'
import { IllegalTransitionError, type Move } from './state-machine'

/**
 * For a lifecycle's test: every (from, to, party) cell, checked against the table of legal moves
 * restated independently in the test — allowed cells give a move with its reason, every other
 * cell throws IllegalTransitionError. One `it` per cell, so a failure names it.
 */
export function itChecksEveryMove<State extends string, Party extends string>(spec: {
  states: readonly State[]
  parties: readonly Party[]
  /** [from, to, parties allowed], written out in the test. */
  legal: readonly (readonly [State, State, readonly Party[]])[]
  transition: (from: State, to: State, party: Party) => Move<State>
}) {
  for (const from of spec.states)
    for (const to of spec.states)
      for (const party of spec.parties) {
        const allowed = spec.legal.some(
          ([f, t, by]) => f === from && t === to && by.includes(party),
        )
        it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to} by ${party}`, () => {
          if (allowed)
            expect(spec.transition(from, to, party)).toMatchObject({
              from,
              to,
              reason: expect.any(String),
            })
          else expect(() => spec.transition(from, to, party)).toThrow(IllegalTransitionError)
        })
      }
}

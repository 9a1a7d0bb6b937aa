import { UserFacingError } from '@/lib/errors'

// The shape every lifecycle shares (applications, recommendation requests, and next the
// internships' placements and agreements): one table of legal moves, who may make each and
// why it exists. Each domain declares its table with `stateMachine()` and writes its status
// through one function that asks it.

/** One legal move: where to, who may make it, and why it happens (kept in the audit log). */
export type Transition<State extends string, Party extends string> = {
  to: State
  by: readonly Party[]
  why: string
}

export type Move<State extends string> = { from: State; to: State; reason: string }

/** A move the table does not allow; its message says so in French, naming the states. */
export class IllegalTransitionError extends UserFacingError {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly party: string,
    message: string,
  ) {
    super(message)
    this.name = 'IllegalTransitionError'
  }
}

export type StateMachine<State extends string, Party extends string> = {
  /** Every state, in the order of `labels`. */
  states: readonly State[]
  labels: Readonly<Record<State, string>>
  /** Whether `party` (or anyone, without one) may move from `from` to `to`. */
  can: (from: State, to: State, party?: Party) => boolean
  /** Checks a move and says why it happens; throws `IllegalTransitionError` otherwise. */
  transition: (from: State, to: State, party: Party) => Move<State>
  /** Where `party` may go from `from`. */
  nextStates: (from: State, party: Party) => State[]
  /** The states from which `party` (or anyone) may move to `to`: the WHERE of a guarded update. */
  sourcesOf: (to: State, party?: Party) => State[]
  /** No move leaves it. */
  isFinal: (state: State) => boolean
}

export function stateMachine<State extends string, Party extends string>(spec: {
  /** What moves, with its article, for the error message: "une candidature". */
  subject: string
  labels: Record<State, string>
  transitions: Record<State, readonly Transition<State, Party>[]>
}): StateMachine<State, Party> {
  const { subject, labels, transitions } = spec
  const states = Object.keys(labels) as State[]
  const find = (from: State, to: State, party?: Party) =>
    transitions[from].find((t) => t.to === to && (!party || t.by.includes(party)))
  const can = (from: State, to: State, party?: Party) => find(from, to, party) !== undefined
  return {
    states,
    labels,
    can,
    transition(from, to, party) {
      const move = find(from, to, party)
      if (!move)
        throw new IllegalTransitionError(
          from,
          to,
          party,
          `Impossible de passer ${subject} « ${labels[from]} » à « ${labels[to]} »${can(from, to) ? ' avec ce rôle' : ''}.`,
        )
      return { from, to, reason: move.why }
    },
    nextStates: (from, party) =>
      transitions[from].filter((t) => t.by.includes(party)).map((t) => t.to),
    sourcesOf: (to, party) => states.filter((from) => can(from, to, party)),
    isFinal: (state) => transitions[state].length === 0,
  }
}

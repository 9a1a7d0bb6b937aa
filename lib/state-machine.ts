import { UserFacingError } from '@/lib/errors'

// The shape every lifecycle shares (applications, recommendation requests, and next the
// internships' placements and agreements): one table of legal moves, who may make each and
// why it exists. Each domain declares its table with `stateMachine()` and writes its status
// through one function that asks it.

/** One legal move: where to, who may make it, and why it happens (kept in the audit log). */
export type Transition<State extends string, Actor extends string> = {
  to: State
  by: readonly Actor[]
  why: string
}

export type Move<State extends string> = { from: State; to: State; reason: string }

/** A move the table does not allow; its message says so in French, naming the states. */
export class IllegalTransitionError extends UserFacingError {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly actor: string,
    message: string,
  ) {
    super(message)
    this.name = 'IllegalTransitionError'
  }
}

export type StateMachine<State extends string, Actor extends string> = {
  /** Every state, in the order of `labels`. */
  states: readonly State[]
  labels: Readonly<Record<State, string>>
  /** Whether `actor` (or anyone, without one) may move from `from` to `to`. */
  can: (from: State, to: State, actor?: Actor) => boolean
  /** Checks a move and says why it happens; throws `IllegalTransitionError` otherwise. */
  transition: (from: State, to: State, actor: Actor) => Move<State>
  /** Where `actor` may go from `from`. */
  nextStates: (from: State, actor: Actor) => State[]
  /** The states from which `actor` (or anyone) may move to `to`: the WHERE of a guarded update. */
  sourcesOf: (to: State, actor?: Actor) => State[]
  /** No move leaves it. */
  isFinal: (state: State) => boolean
}

export function stateMachine<State extends string, Actor extends string>(spec: {
  /** What moves, with its article, for the error message: "une candidature". */
  subject: string
  labels: Record<State, string>
  transitions: Record<State, readonly Transition<State, Actor>[]>
}): StateMachine<State, Actor> {
  const { subject, labels, transitions } = spec
  const states = Object.keys(labels) as State[]
  const find = (from: State, to: State, actor?: Actor) =>
    transitions[from].find((t) => t.to === to && (!actor || t.by.includes(actor)))
  const can = (from: State, to: State, actor?: Actor) => find(from, to, actor) !== undefined
  return {
    states,
    labels,
    can,
    transition(from, to, actor) {
      const move = find(from, to, actor)
      if (!move)
        throw new IllegalTransitionError(
          from,
          to,
          actor,
          `Impossible de passer ${subject} « ${labels[from]} » à « ${labels[to]} »${can(from, to) ? ' avec ce rôle' : ''}.`,
        )
      return { from, to, reason: move.why }
    },
    nextStates: (from, actor) =>
      transitions[from].filter((t) => t.by.includes(actor)).map((t) => t.to),
    sourcesOf: (to, actor) => states.filter((from) => can(from, to, actor)),
    isFinal: (state) => transitions[state].length === 0,
  }
}

import { UserFacingError } from '@/lib/errors'

// The life of an application (eCandidat's statuses), one state machine for every change:
// lib/admissions/status-change.ts is the only writer of applications.status after submission.

export const applicationStates = [
  'draft', // brouillon
  'submitted', // déposée
  'incomplete', // incomplète
  'complete', // complète
  'under_review', // en examen
  'admitted', // favorable
  'waitlisted', // liste d'attente
  'rejected', // défavorable
  'confirmed', // confirmée
  'withdrawn', // désistée
  'auto_withdrawn', // désistement automatique
] as const
export type ApplicationState = (typeof applicationStates)[number]

/** Who moves a file: the candidate, a staff member, or Tremplin itself (jobs, completeness). */
export type Party = 'candidate' | 'staff' | 'system'

export const stateLabels: Record<ApplicationState, string> = {
  draft: 'Brouillon',
  submitted: 'Déposée',
  incomplete: 'Incomplète',
  complete: 'Complète',
  under_review: 'En examen',
  admitted: 'Favorable',
  waitlisted: 'Liste d’attente',
  rejected: 'Défavorable',
  confirmed: 'Confirmée',
  withdrawn: 'Désistée',
  auto_withdrawn: 'Désistement automatique',
}

type Transition = { to: ApplicationState; by: readonly Party[]; why: string }

const beforeDecision = [
  'submitted',
  'incomplete',
  'complete',
  'under_review',
  'waitlisted',
] as const

// Every legal move, who may make it, and why it exists.
const transitions: Record<ApplicationState, Transition[]> = {
  draft: [{ to: 'submitted', by: ['candidate'], why: 'dépôt du dossier' }],
  submitted: [
    { to: 'incomplete', by: ['staff', 'system'], why: 'pièce ou recommandation manquante' },
    { to: 'complete', by: ['staff', 'system'], why: 'dossier complet' },
    { to: 'withdrawn', by: ['candidate'], why: 'retrait par le candidat' },
  ],
  incomplete: [
    { to: 'complete', by: ['staff', 'system'], why: 'dossier complété' },
    { to: 'withdrawn', by: ['candidate'], why: 'retrait par le candidat' },
  ],
  complete: [
    { to: 'incomplete', by: ['staff', 'system'], why: 'pièce refusée' },
    { to: 'under_review', by: ['staff', 'system'], why: 'mise en examen' },
    { to: 'withdrawn', by: ['candidate'], why: 'retrait par le candidat' },
  ],
  under_review: [
    { to: 'admitted', by: ['staff'], why: 'avis favorable publié' },
    { to: 'waitlisted', by: ['staff'], why: 'liste d’attente publiée' },
    { to: 'rejected', by: ['staff'], why: 'avis défavorable publié' },
    { to: 'withdrawn', by: ['candidate'], why: 'retrait par le candidat' },
  ],
  waitlisted: [
    { to: 'admitted', by: ['staff', 'system'], why: 'promotion depuis la liste d’attente' },
    { to: 'rejected', by: ['staff'], why: 'liste d’attente close' },
    { to: 'withdrawn', by: ['candidate'], why: 'retrait par le candidat' },
  ],
  admitted: [
    { to: 'confirmed', by: ['candidate'], why: 'confirmation par le candidat' },
    { to: 'withdrawn', by: ['candidate'], why: 'désistement' },
    { to: 'auto_withdrawn', by: ['system'], why: 'pas de réponse avant la date limite' },
  ],
  confirmed: [{ to: 'withdrawn', by: ['candidate'], why: 'désistement après confirmation' }],
  rejected: [],
  withdrawn: [],
  auto_withdrawn: [],
}

export class IllegalTransitionError extends UserFacingError {
  constructor(
    readonly from: ApplicationState,
    readonly to: ApplicationState,
    readonly actor: Party,
  ) {
    super(
      `Impossible de passer une candidature « ${stateLabels[from]} » à « ${stateLabels[to]} »${canTransition(from, to) ? ' avec ce rôle' : ''}.`,
    )
    this.name = 'IllegalTransitionError'
  }
}

export function canTransition(
  from: ApplicationState,
  to: ApplicationState,
  actor?: Party,
): boolean {
  return transitions[from].some((t) => t.to === to && (!actor || t.by.includes(actor)))
}

/** Checks a move and says why it happens (for the audit log); throws with a French reason otherwise. */
export function transition(
  from: ApplicationState,
  to: ApplicationState,
  actor: Party,
): { from: ApplicationState; to: ApplicationState; reason: string } {
  const move = transitions[from].find((t) => t.to === to && t.by.includes(actor))
  if (!move) throw new IllegalTransitionError(from, to, actor)
  return { from, to, reason: move.why }
}

export const nextStates = (from: ApplicationState, actor: Party) =>
  transitions[from].filter((t) => t.by.includes(actor)).map((t) => t.to)
export const isFinal = (state: ApplicationState) => transitions[state].length === 0
export const isBeforeDecision = (state: ApplicationState) =>
  (beforeDecision as readonly string[]).includes(state)

/** While a file is being examined its recommenders can still answer, be reminded or replaced. */
export const recommendationStates = [
  'submitted',
  'incomplete',
  'complete',
  'under_review',
] as const satisfies readonly ApplicationState[]
export const acceptsRecommendations = (state: ApplicationState) =>
  (recommendationStates as readonly string[]).includes(state)

/** States a candidate's file is in after submission and before any outcome. */
export const pendingStates = [
  'submitted',
  'incomplete',
  'complete',
  'under_review',
] as const satisfies readonly ApplicationState[]
/** Still counts against the establishment's cap on applications per candidate. */
export const activeStates = [
  'submitted',
  'incomplete',
  'complete',
  'under_review',
  'admitted',
  'waitlisted',
  'confirmed',
] as const satisfies readonly ApplicationState[]

export type StateTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'
export const stateTone: Record<ApplicationState, StateTone> = {
  draft: 'neutral',
  submitted: 'info',
  incomplete: 'warning',
  complete: 'info',
  under_review: 'info',
  admitted: 'success',
  waitlisted: 'warning',
  rejected: 'danger',
  confirmed: 'success',
  withdrawn: 'neutral',
  auto_withdrawn: 'neutral',
}

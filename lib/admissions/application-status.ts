import { stateMachine, type Transition } from '@/lib/state-machine'

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

const beforeDecision = [
  'submitted',
  'incomplete',
  'complete',
  'under_review',
  'waitlisted',
] as const

// Every legal move, who may make it, and why it exists.
const transitions: Record<ApplicationState, Transition<ApplicationState, Party>[]> = {
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

const applicationLifecycle = stateMachine<ApplicationState, Party>({
  subject: 'une candidature',
  labels: stateLabels,
  transitions,
})

export const canTransition = applicationLifecycle.can
/** Checks a move and says why it happens (for the audit log); throws with a French reason otherwise. */
export const transition = applicationLifecycle.transition
export const nextStates = applicationLifecycle.nextStates
export const isFinal = applicationLifecycle.isFinal
export const isBeforeDecision = (state: ApplicationState) =>
  (beforeDecision as readonly string[]).includes(state)

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

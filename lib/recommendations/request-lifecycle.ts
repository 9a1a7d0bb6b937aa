import type { RequestStatus } from '@/db/schema'
import { stateMachine, type Transition } from '@/lib/state-machine'

// The life of a recommendation request, as stored. What people see adds the invitation
// email's delivery ("à envoyer" / "envoyée") and the clock ("expirée": every move out of
// invited or opened needs a live link, which dies at the deadline) — request-status.ts.
// lib/recommendations/request-status-change.ts is the only writer of the status.

/** The recommender (through their link), the candidate (their space), Tremplin (the mail provider's bounce). */
export type RequestParty = 'recommender' | 'candidate' | 'system'

export const requestStatusLabels: Record<RequestStatus, string> = {
  invited: 'Envoyée',
  opened: 'Ouverte',
  received: 'Reçue',
  declined: 'Déclinée',
  bounced: 'Adresse invalide',
  revoked: 'Remplacée',
}

const replaced: Transition<RequestStatus, RequestParty> = {
  to: 'revoked',
  by: ['candidate'],
  why: 'recommandant remplacé par le candidat',
}
const awaitingAnswer: Transition<RequestStatus, RequestParty>[] = [
  { to: 'received', by: ['recommender'], why: 'avis transmis' },
  { to: 'declined', by: ['recommender'], why: 'demande déclinée par le recommandant' },
  { to: 'bounced', by: ['system'], why: 'adresse refusée par le fournisseur de courriel' },
  replaced,
]

// Every legal move, who may make it, and why it exists.
const transitions: Record<RequestStatus, Transition<RequestStatus, RequestParty>[]> = {
  invited: [{ to: 'opened', by: ['recommender'], why: 'lien ouvert' }, ...awaitingAnswer],
  opened: awaitingAnswer,
  // An answer is frozen: neither the recommender nor the candidate can undo it.
  received: [],
  // The candidate is asked to name someone else.
  declined: [replaced],
  bounced: [replaced],
  revoked: [],
}

export const requestLifecycle = stateMachine<RequestStatus, RequestParty>({
  subject: 'une demande de recommandation',
  labels: requestStatusLabels,
  transitions,
})

/** Still waiting for the recommender: they can answer, be reminded, or bounce. */
export const unansweredStatuses = requestLifecycle.sourcesOf('received', 'recommender')

import type { RequestStatus } from '@/db/schema'

export type DisplayStatus =
  | 'a_envoyer'
  | 'envoyee'
  | 'ouverte'
  | 'recue'
  | 'declinee'
  | 'expiree'
  | 'adresse_invalide'
  | 'remplacee'

export const displayStatusLabels: Record<DisplayStatus, string> = {
  a_envoyer: 'À envoyer',
  envoyee: 'Envoyée',
  ouverte: 'Ouverte',
  recue: 'Reçue',
  declinee: 'Déclinée',
  expiree: 'Expirée',
  adresse_invalide: 'Adresse invalide',
  remplacee: 'Remplacée',
}

export const displayStatusTone: Record<
  DisplayStatus,
  'neutral' | 'info' | 'success' | 'warning' | 'danger'
> = {
  a_envoyer: 'neutral',
  envoyee: 'info',
  ouverte: 'info',
  recue: 'success',
  declinee: 'warning',
  expiree: 'danger',
  adresse_invalide: 'danger',
  remplacee: 'neutral',
}

/**
 * What the candidate and staff see for a request, from its stored state, the delivery of
 * its invitation email and the clock.
 */
export function displayStatus(
  request: { status: RequestStatus; expiresAt: Date },
  invitationEmailStatus: string | null | undefined,
  now: Date = new Date(),
): DisplayStatus {
  switch (request.status) {
    case 'received':
      return 'recue'
    case 'declined':
      return 'declinee'
    case 'bounced':
      return 'adresse_invalide'
    case 'revoked':
      return 'remplacee'
  }
  if (now >= request.expiresAt) return 'expiree'
  if (request.status === 'opened') return 'ouverte'
  // Only a permanent refusal by the provider says the address is wrong ('bounced' above is
  // the other way). Pending retries and 'failed' (an outage outlasted the retry window, an
  // admin re-queues it) mean the invitation has not left yet: the address may be fine.
  if (invitationEmailStatus === 'dead') return 'adresse_invalide'
  return invitationEmailStatus === 'sent' ? 'envoyee' : 'a_envoyer'
}

/** A candidate may name someone else while the recommender has not answered. */
export const canReplace = (s: DisplayStatus) =>
  s !== 'recue' && s !== 'remplacee' && s !== 'expiree'
/** A candidate may send the link again to a recommender who has not answered yet. */
export const canResend = (s: DisplayStatus) =>
  s === 'envoyee' || s === 'ouverte' || s === 'a_envoyer'

export const RESEND_COOLDOWN_MS = 24 * 3600 * 1000
export const MAX_RESENDS = 3

/** When the next resend is allowed, or null if now; 'never' after the last allowed one. */
export function nextResendAt(
  request: { resendCount: number; lastResentAt: Date | null },
  now: Date = new Date(),
): Date | null | 'never' {
  if (request.resendCount >= MAX_RESENDS) return 'never'
  if (!request.lastResentAt) return null
  const next = new Date(request.lastResentAt.getTime() + RESEND_COOLDOWN_MS)
  return next > now ? next : null
}

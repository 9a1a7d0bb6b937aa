import type { RequestStatus } from '@/db/schema'

export type DisplayStatus =
  | 'to_send'
  | 'sent'
  | 'opened'
  | 'received'
  | 'declined'
  | 'expired'
  | 'invalid_address'
  | 'replaced'

export const displayStatusLabels: Record<DisplayStatus, string> = {
  to_send: 'À envoyer',
  sent: 'Envoyée',
  opened: 'Ouverte',
  received: 'Reçue',
  declined: 'Déclinée',
  expired: 'Expirée',
  invalid_address: 'Adresse invalide',
  replaced: 'Remplacée',
}

export const displayStatusTone: Record<
  DisplayStatus,
  'neutral' | 'info' | 'success' | 'warning' | 'danger'
> = {
  to_send: 'neutral',
  sent: 'info',
  opened: 'info',
  received: 'success',
  declined: 'warning',
  expired: 'danger',
  invalid_address: 'danger',
  replaced: 'neutral',
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
      return 'received'
    case 'declined':
      return 'declined'
    case 'bounced':
      return 'invalid_address'
    case 'revoked':
      return 'replaced'
  }
  if (now >= request.expiresAt) return 'expired'
  if (request.status === 'opened') return 'opened'
  // Only a permanent refusal by the provider says the address is wrong ('bounced' above is
  // the other way). Pending retries and 'failed' (an outage outlasted the retry window, an
  // admin re-queues it) mean the invitation has not left yet: the address may be fine.
  if (invitationEmailStatus === 'dead') return 'invalid_address'
  return invitationEmailStatus === 'sent' ? 'sent' : 'to_send'
}

/** A candidate may name someone else while the recommender has not answered. */
export const canReplace = (s: DisplayStatus) =>
  s !== 'received' && s !== 'replaced' && s !== 'expired'
/** A candidate may send the link again to a recommender who has not answered yet. */
export const canResend = (s: DisplayStatus) => s === 'sent' || s === 'opened' || s === 'to_send'

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

import { describe, expect, it } from 'vitest'
import { canReplace, canResend, displayStatus, MAX_RESENDS, nextResendAt } from './request-status'

const now = new Date('2027-03-01T12:00:00Z')
const future = new Date('2027-04-01T00:00:00Z')

describe('request status shown to people', () => {
  it('follows the invitation email until the recommender opens the link', () => {
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'pending', now)).toBe(
      'a_envoyer',
    )
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'sent', now)).toBe('envoyee')
    expect(displayStatus({ status: 'opened', expiresAt: future }, 'sent', now)).toBe('ouverte')
  })
  it('shows answers, refusals and bounces as such', () => {
    expect(displayStatus({ status: 'received', expiresAt: future }, 'sent', now)).toBe('recue')
    expect(displayStatus({ status: 'declined', expiresAt: future }, 'sent', now)).toBe('declinee')
    expect(displayStatus({ status: 'bounced', expiresAt: future }, 'sent', now)).toBe(
      'adresse_invalide',
    )
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'dead', now)).toBe(
      'adresse_invalide',
    )
  })
  it('never calls an address invalid because the provider was down', () => {
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'failed', now)).toBe('a_envoyer')
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'sending', now)).toBe(
      'a_envoyer',
    )
    expect(canResend(displayStatus({ status: 'invited', expiresAt: future }, 'failed', now))).toBe(
      true,
    )
  })
  it('expires unanswered requests at the deadline, but never an answered one', () => {
    const past = new Date('2027-02-01T00:00:00Z')
    expect(displayStatus({ status: 'opened', expiresAt: past }, 'sent', now)).toBe('expiree')
    expect(displayStatus({ status: 'received', expiresAt: past }, 'sent', now)).toBe('recue')
  })
  it('lets the candidate replace only someone who has not answered', () => {
    expect(canReplace('declinee')).toBe(true)
    expect(canReplace('adresse_invalide')).toBe(true)
    expect(canReplace('recue')).toBe(false)
    expect(canResend('ouverte')).toBe(true)
    expect(canResend('declinee')).toBe(false)
  })
})

describe('resend rate limit', () => {
  it('allows one resend a day, three at most', () => {
    expect(nextResendAt({ resendCount: 0, lastResentAt: null }, now)).toBeNull()
    expect(
      nextResendAt({ resendCount: 1, lastResentAt: new Date('2027-03-01T10:00:00Z') }, now),
    ).toEqual(new Date('2027-03-02T10:00:00Z'))
    expect(
      nextResendAt({ resendCount: 1, lastResentAt: new Date('2027-02-27T10:00:00Z') }, now),
    ).toBeNull()
    expect(nextResendAt({ resendCount: MAX_RESENDS, lastResentAt: null }, now)).toBe('never')
  })
})

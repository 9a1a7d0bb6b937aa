import { describe, expect, it } from 'vitest'
import { canReplace, canResend, displayStatus, MAX_RESENDS, nextResendAt } from './request-status'

const now = new Date('2027-03-01T12:00:00Z')
const future = new Date('2027-04-01T00:00:00Z')

describe('request status shown to people', () => {
  it('follows the invitation email until the recommender opens the link', () => {
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'pending', now)).toBe('to_send')
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'sent', now)).toBe('sent')
    expect(displayStatus({ status: 'opened', expiresAt: future }, 'sent', now)).toBe('opened')
  })
  it('shows answers, refusals and bounces as such', () => {
    expect(displayStatus({ status: 'received', expiresAt: future }, 'sent', now)).toBe('received')
    expect(displayStatus({ status: 'declined', expiresAt: future }, 'sent', now)).toBe('declined')
    expect(displayStatus({ status: 'bounced', expiresAt: future }, 'sent', now)).toBe(
      'invalid_address',
    )
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'dead', now)).toBe(
      'invalid_address',
    )
  })
  it('never calls an address invalid because the provider was down', () => {
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'failed', now)).toBe('to_send')
    expect(displayStatus({ status: 'invited', expiresAt: future }, 'sending', now)).toBe('to_send')
    expect(canResend(displayStatus({ status: 'invited', expiresAt: future }, 'failed', now))).toBe(
      true,
    )
  })
  it('expires unanswered requests at the deadline, but never an answered one', () => {
    const past = new Date('2027-02-01T00:00:00Z')
    expect(displayStatus({ status: 'opened', expiresAt: past }, 'sent', now)).toBe('expired')
    expect(displayStatus({ status: 'received', expiresAt: past }, 'sent', now)).toBe('received')
  })
  it('lets the candidate replace only someone who has not answered', () => {
    expect(canReplace('declined')).toBe(true)
    expect(canReplace('invalid_address')).toBe(true)
    expect(canReplace('received')).toBe(false)
    expect(canResend('opened')).toBe(true)
    expect(canResend('declined')).toBe(false)
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

import { describe, expect, it } from 'vitest'
import { isAuthorizedCronRequest } from './cron-auth'

describe('cron authorization', () => {
  it('accepts only the configured bearer secret', () => {
    expect(isAuthorizedCronRequest('Bearer s3cret', 's3cret')).toBe(true)
    expect(isAuthorizedCronRequest('Bearer wrong', 's3cret')).toBe(false)
    expect(isAuthorizedCronRequest('s3cret', 's3cret')).toBe(false)
    expect(isAuthorizedCronRequest(null, 's3cret')).toBe(false)
  })
  it('refuses everything when no secret is configured', () => {
    expect(isAuthorizedCronRequest('Bearer ', undefined)).toBe(false)
    expect(isAuthorizedCronRequest('Bearer ', '')).toBe(false)
  })
})

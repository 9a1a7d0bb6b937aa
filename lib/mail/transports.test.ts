import { describe, expect, it } from 'vitest'
import { resendError } from './transports'

describe('Resend errors: final only when the message itself is refused', () => {
  it('a recipient refused by validation is final', () => {
    expect(
      resendError({ name: 'validation_error', message: 'Invalid `to` field', statusCode: 422 })
        .options.permanent,
    ).toBe(true)
  })
  it('a sender the provider does not accept is ours to fix: retried, never "adresse invalide"', () => {
    expect(
      resendError({
        name: 'invalid_from_address',
        message: 'Invalid `from` field',
        statusCode: 422,
      }).options.permanent,
    ).toBe(false)
  })
  it('outages, quotas and key mistakes are retried, honouring Retry-After', () => {
    expect(
      resendError({ name: 'internal_server_error', message: 'x', statusCode: 500 }).options
        .permanent,
    ).toBe(false)
    expect(
      resendError({ name: 'restricted_api_key', message: 'x', statusCode: 401 }).options.permanent,
    ).toBe(false)
    const limited = resendError(
      { name: 'rate_limit_exceeded', message: 'x', statusCode: 429 },
      { 'retry-after': '90' },
    )
    expect(limited.options).toMatchObject({ permanent: false, retryAfterMs: 90_000 })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isCrossSiteRequest } from './cross-site'

let saved: string | undefined
beforeEach(() => {
  saved = process.env.APP_URL
  process.env.APP_URL = 'https://candidatures.ozenne.example'
})
afterEach(() => {
  process.env.APP_URL = saved
})
const request = (headers: Record<string, string>) => isCrossSiteRequest(new Headers(headers))

describe('cross-site requests (login CSRF)', () => {
  it('accepts the confirmation page’s own form', () => {
    expect(
      request({ 'sec-fetch-site': 'same-origin', origin: 'https://candidatures.ozenne.example' }),
    ).toBe(false)
    expect(request({ origin: 'https://candidatures.ozenne.example' })).toBe(false)
  })
  it('refuses a form posted from another site or a sibling subdomain', () => {
    expect(request({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(true)
    expect(request({ 'sec-fetch-site': 'same-site', origin: 'https://blog.ozenne.example' })).toBe(
      true,
    )
  })
  it('refuses a foreign or opaque Origin when Sec-Fetch-Site is missing', () => {
    expect(request({ origin: 'https://evil.example' })).toBe(true)
    expect(request({ origin: 'null' })).toBe(true)
    expect(request({ origin: 'http://candidatures.ozenne.example' })).toBe(true)
  })
  it('lets through a request without browser provenance headers (not a cross-site form)', () => {
    expect(request({})).toBe(false)
  })
})

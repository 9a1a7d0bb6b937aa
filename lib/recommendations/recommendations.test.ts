import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './content-hash'
import { formatPhone, isMobile, toE164 } from './phone'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from './tokens'
import { generateVerificationCode, normalizeVerificationCode } from './verification-code'

describe('link tokens', () => {
  it('carry 256 random bits and are stored only as their SHA-256', () => {
    const { token, hash } = generateLinkToken()
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(looksLikeLinkToken(token)).toBe(true)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(hashLinkToken(token))
    expect(hash).not.toContain(token)
  })
  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateLinkToken().token))
    expect(tokens.size).toBe(1000)
  })
  it('reject malformed values before any lookup', () => {
    expect(looksLikeLinkToken('abc')).toBe(false)
    expect(looksLikeLinkToken('../../etc/passwd')).toBe(false)
  })
})

describe('verification codes', () => {
  it('look like XXXX-XXXX-XXXX in an unambiguous alphabet', () => {
    const code = generateVerificationCode()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  })
  it('forgive case, spaces and look-alike letters when typed', () => {
    expect(normalizeVerificationCode(' 7kq2 m9xd 41tb ')).toBe('7KQ2-M9XD-41TB')
    expect(normalizeVerificationCode('OOOO-LLLL-IIII')).toBe('0000-1111-1111')
    expect(normalizeVerificationCode('short')).toBeNull()
  })
})

describe('content hash', () => {
  it('ignores key order but not content', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}')
    expect(contentHash({ a: 1, b: 'x' })).toBe(contentHash({ b: 'x', a: 1 }))
    expect(contentHash({ a: 1, b: 'x' })).not.toBe(contentHash({ a: 1, b: 'y' }))
  })
})

describe('phone numbers', () => {
  it('store French numbers written any usual way as E.164', () => {
    expect(toE164('06 12 34 56 78')).toBe('+33612345678')
    expect(toE164('+33 6 12 34 56 78')).toBe('+33612345678')
    expect(toE164('0033612345678')).toBe('+33612345678')
    expect(toE164('05.61.00.00.00')).toBe('+33561000000')
  })
  it('accept international numbers', () => {
    expect(toE164('+32 470 12 34 56')).toBe('+32470123456')
    expect(toE164('+1 415 555 2671')).toBe('+14155552671')
  })
  it('refuse what is not a phone number', () => {
    expect(toE164('12')).toBeNull()
    expect(toE164('bonjour')).toBeNull()
    expect(toE164('')).toBeNull()
  })
  it('formats for display and tells mobiles apart', () => {
    expect(formatPhone('+33612345678')).toBe('+33 6 12 34 56 78')
    expect(isMobile('+33612345678')).toBe(true)
    expect(isMobile('+33561000000')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './content-hash'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from '@/lib/auth/link-tokens'
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

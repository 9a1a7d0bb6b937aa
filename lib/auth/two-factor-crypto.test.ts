import { beforeAll, describe, expect, it } from 'vitest'
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpStepOf,
  totpUri,
} from './two-factor-crypto'

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'unit-test-secret-unit-test-secret-0123'
})

const now = new Date('2026-12-02T10:00:15Z')
const step = Math.floor(now.getTime() / 30_000)

describe('TOTP codes', () => {
  it('accepts the code of this 30 s step and of the steps either side, giving their step', () => {
    const secret = newTotpSecret()
    expect(totpStepOf(secret, totpCode(secret, now), now)).toBe(step)
    expect(totpStepOf(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(
      step - 1,
    )
    expect(totpStepOf(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(
      step + 1,
    )
  })

  it('refuses a code two minutes old, another secret’s code and anything not six digits', () => {
    const secret = newTotpSecret()
    expect(totpStepOf(secret, totpCode(secret, new Date(now.getTime() - 120_000)), now)).toBeNull()
    expect(totpStepOf(secret, totpCode(newTotpSecret(), now), now)).toBeNull()
    expect(totpStepOf(secret, 'abcdef', now)).toBeNull()
  })

  it('forgives spaces typed inside a code', () => {
    const secret = newTotpSecret()
    const code = totpCode(secret, now)
    expect(totpStepOf(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step)
  })

  it('names the account and the issuer in the authenticator’s URI', () => {
    const uri = totpUri(newTotpSecret(), 'direction@college.example')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tremplin:direction%40college\.example\?/)
    expect(uri).toContain('issuer=Tremplin')
  })
})

describe('the secret at rest', () => {
  it('is encrypted (a fresh IV each time) and decrypts to the same secret', () => {
    const secret = newTotpSecret()
    const [a, b] = [encryptTotpSecret(secret), encryptTotpSecret(secret)]
    expect(a).not.toContain(secret)
    expect(a).not.toBe(b)
    expect(decryptTotpSecret(a)).toBe(secret)
  })

  it('cannot be read with another AUTH_SECRET, nor altered unnoticed', () => {
    const stored = encryptTotpSecret(newTotpSecret())
    expect(() => decryptTotpSecret(stored, 'another-secret-another-secret-another')).toThrow()
    const [v, iv, tag, ct] = stored.split('.')
    const flipped = `${ct!.slice(0, -2)}${ct!.endsWith('AA') ? 'AB' : 'AA'}`
    expect(() => decryptTotpSecret([v, iv, tag, flipped].join('.'))).toThrow()
  })
})

describe('recovery codes', () => {
  it('are ten different codes', () => {
    const codes = newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
  })

  it('hash the same whatever the case, spaces or dash, and differently under another secret', () => {
    const [code] = newRecoveryCodes(1)
    expect(hashRecoveryCode(code!.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(code!))
    expect(hashRecoveryCode(code!, 'another-secret-another-secret-another')).not.toBe(
      hashRecoveryCode(code!),
    )
  })
})

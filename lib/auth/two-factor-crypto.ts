import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
} from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

// Time-based one-time passwords (RFC 6238: 6 digits, 30 s, SHA-1, what every authenticator
// app reads), the secret's encryption at rest and the recovery codes. No database here.

export const TOTP_PERIOD_SECONDS = 30
/** A code of the previous or next 30 s is accepted too (a phone's clock drifts, people type slowly). */
const TOTP_WINDOW = 1
export const RECOVERY_CODE_COUNT = 10

function authSecret(): string {
  const secret = process.env.AUTH_SECRET
  if (!secret) throw new Error('AUTH_SECRET is not set: two-factor secrets cannot be protected.')
  return secret
}

/** A key for one purpose only, derived from AUTH_SECRET (HKDF-SHA256). */
function derivedKey(purpose: string, secret = authSecret()): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'tremplin-two-factor', purpose, 32))
}

/** A fresh TOTP secret (160 bits, the RFC's recommendation), as base32 for authenticator apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(secretBase32: string, label = '') {
  return new TOTP({
    issuer: 'Tremplin',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  })
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString()
}

/** The code of this time step (tests, and nothing else in the app). */
export function totpCode(secretBase32: string, now: Date = new Date()): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() })
}

/**
 * The time step (30 s counter) a code belongs to, when it is valid now (± one step), else
 * null. The caller refuses a step already used, so a code works once.
 */
export function totpStepOf(
  secretBase32: string,
  code: string,
  now: Date = new Date(),
): number | null {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totp(secretBase32).validate({
    token,
    timestamp: now.getTime(),
    window: TOTP_WINDOW,
  })
  if (delta === null) return null
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta
}

/** AES-256-GCM with a key derived from AUTH_SECRET: `v1.iv.tag.ciphertext`, base64url. */
export function encryptTotpSecret(secretBase32: string, secret?: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', derivedKey('totp-secret', secret), iv)
  const ciphertext = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

export function decryptTotpSecret(stored: string, secret?: string): string {
  const [version, iv, tag, ciphertext] = stored.split('.')
  if (version !== 'v1' || !iv || !tag || !ciphertext)
    throw new Error('Unknown two-factor secret format')
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derivedKey('totp-secret', secret),
    Buffer.from(iv, 'base64url'),
  )
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8')
}

// Letters and digits nobody confuses when copying from paper (no 0/o, 1/l/i).
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten codes like `k7m2p-x9c4r` (about 49 bits each), shown once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    )
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

/** Case, spaces and the dash do not matter when a person types a recovery code back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '')
}

/** Stored form of a recovery code: HMAC-SHA256 keyed from AUTH_SECRET (a leaked table alone cannot be tried offline). */
export function hashRecoveryCode(code: string, secret?: string): string {
  return createHmac('sha256', derivedKey('recovery-code', secret))
    .update(normalizeRecoveryCode(code))
    .digest('hex')
}

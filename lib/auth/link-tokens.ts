import { createHash, randomBytes } from 'node:crypto'

/**
 * A magic-link token: 32 random bytes (256 bits), base64url in the link; only its SHA-256
 * is stored, so a database leak does not hand out working links.
 */
export function generateLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashLinkToken(token) }
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Cheap shape check before touching the database: 43 base64url characters. */
export function looksLikeLinkToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value)
}

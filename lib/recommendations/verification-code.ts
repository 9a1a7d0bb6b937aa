import { randomInt } from 'node:crypto'

// Crockford's base32 without I, L, O, U: easy to read aloud and type from a printed letter.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A public verification code such as "7KQ2-M9XD-41TB" (60 random bits). */
export function generateVerificationCode(): string {
  let raw = ''
  for (let i = 0; i < 12; i++) raw += ALPHABET[randomInt(ALPHABET.length)]
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`
}

/** Normalises what a person typed (case, spaces, look-alike letters) to the stored form. */
export function normalizeVerificationCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(cleaned)) return null
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8, 12)}`
}

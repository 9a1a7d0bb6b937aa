import { z } from 'zod'
import '@/lib/validation/french-messages'

// The UAI (unité administrative immatriculée, ex-RNE) of a school: 7 digits and a check
// letter, the 7-digit number modulo 23 taken in an alphabet without I, O and Q.
const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'

export const uaiMessage = 'Code UAI invalide : 7 chiffres suivis d’une lettre de contrôle'

/** The check letter of a UAI's 7 digits. */
export function uaiCheckLetter(digits: string): string {
  if (!/^\d{7}$/.test(digits)) throw new Error(`UAI digits expected, got ${JSON.stringify(digits)}`)
  return CHECK_LETTERS[Number(digits) % 23]!
}

/** What a person typed, as stored: no spaces, upper case ("0310036 w" → "0310036W"). */
export const normalizeUai = (value: string) => value.replace(/\s+/g, '').toUpperCase()

/** Whether `value` (normalized) is 7 digits followed by their check letter. */
export function isValidUai(value: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(value)
  return match !== null && uaiCheckLetter(match[1]!) === match[2]
}

/** The UAI field of every form: normalized, then checked (a wrong letter is a typo). */
export const uaiField = z
  .string({ error: 'Code UAI : champ obligatoire.' })
  .transform(normalizeUai)
  .refine((value) => value.length > 0, 'Code UAI : champ obligatoire.')
  .refine((value) => value.length === 0 || isValidUai(value), `${uaiMessage}.`)

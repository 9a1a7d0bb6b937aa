import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/** A French or international number as E.164 ("+33612345678"), or null when it is not a valid number. */
export function toE164(input: string, defaultCountry: 'FR' = 'FR'): string | null {
  const trimmed = input.trim()
  if (!trimmed) return null
  const parsed = parsePhoneNumberFromString(
    trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed,
    defaultCountry,
  )
  if (!parsed || !parsed.isValid()) return null
  return parsed.number
}

/** "+33 6 12 34 56 78" for display. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164)
  return parsed ? parsed.formatInternational() : e164
}

/** Mobile numbers can receive the SMS code; landlines are recorded as declared. */
export function isMobile(e164: string): boolean {
  const type = parsePhoneNumberFromString(e164)?.getType()
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
}

// The cells of an import, read as the values they stand for.

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A birth date as written in French files (dd/mm/yyyy, also with - or . and one-digit day or
 * month) or ISO (yyyy-mm-dd), as "yyyy-mm-dd"; null when it is not a real calendar date.
 */
export function parseFrenchDate(value: string): string | null {
  const text = value.trim()
  let day: number, month: number, year: number
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (match) {
    ;[day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text))) {
    ;[year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return `${year}-${pad(month)}-${pad(day)}`
}

/**
 * The identifiant national élève, upper-cased without spaces, or null when malformed: 11
 * characters, 9 digits then a digit or letter then a letter (INE-BEA, INE-RNIE, INE-BASE).
 */
export function normaliseIne(value: string): string | null {
  const ine = value.replace(/\s+/g, '').toUpperCase()
  return /^\d{9}[\dA-Z][A-Z]$/.test(ine) ? ine : null
}

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[a-z]{2,}$/i

export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase()
  return EMAIL.test(email) && email.length <= 254 ? email : null
}

/** A class name as the school writes it, compared without case or extra spaces ("3e  b" = "3E B"). */
export const classKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

/** Collapses inner spaces of a name or label. */
export const tidy = (value: string) => value.trim().replace(/\s+/g, ' ')

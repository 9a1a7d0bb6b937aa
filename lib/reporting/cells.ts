export type Cell = string | number | Date | null | undefined

// What a spreadsheet may skip before reading a formula: spaces (including non-breaking and
// other Unicode spaces), tabs, line breaks, zero-width and byte-order marks.
const LEADING_BLANKS = /^[\s\u200b-\u200d\u2060\ufeff]*/u
// The formula triggers, in ASCII, full width (＝＋－＠) and small form (﹦﹢﹣﹫): Excel and
// LibreOffice read the wide forms as their ASCII twins.
const FORMULA_START = /^[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/u

/**
 * Spreadsheet formula injection: a cell typed as "=HYPERLINK(…)" or "+cmd|…" would run as
 * a formula in Excel or LibreOffice, and so would " =…", "\u00a0=…" or "＝…". Text whose
 * first character after any blanks is = + - @ (or a full-width or small-form twin), or that
 * starts with a tab or a line break, is prefixed with an apostrophe so it stays text; plain
 * numbers (an E.164 phone) are left as they are.
 */
export function neutralizeCell(value: Cell): Cell {
  if (typeof value !== 'string') return value
  // Most cells start with a letter or a digit, which no spreadsheet reads as a formula.
  const first = value.charCodeAt(0)
  if ((first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))
    return value
  // A plain phone number or signed number ("+33612345678", "-12,5") cannot run anything.
  if (/^[+-]?\d+([.,]\d+)?$/.test(value)) return value
  const blanks = LEADING_BLANKS.exec(value)![0]
  return /^[\t\r\n]/.test(value) || FORMULA_START.test(value.slice(blanks.length))
    ? `'${value}`
    : value
}

const dateFormatter = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
})

/** One CSV line for French spreadsheets: semicolon separated, quoted when needed, CRLF. */
export function csvLine(values: Cell[]): string {
  return (
    values
      .map((raw) => {
        const value = neutralizeCell(raw)
        if (value === null || value === undefined) return ''
        const text = value instanceof Date ? dateFormatter.format(value) : String(value)
        return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
      })
      .join(';') + '\r\n'
  )
}

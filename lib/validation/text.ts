import { z } from 'zod'
import './french-messages'

// Control characters (C0 and DEL) have no place in anything a person types. Postgres refuses
// NUL outright (a 500 before these checks), and a line break in a one-line field travels into
// places built on one line: an email subject, a CSV cell, a log line.
const LINE_BREAK_OR_TAB = /[\t\n\r]/
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const ANY_CONTROL = /[\u0000-\u001f\u007f]/g

export const controlCharacterMessage = (label: string) =>
  `${label} : contient un caractère invisible non autorisé.`
export const lineBreakMessage = (label: string) =>
  `${label} : doit tenir sur une ligne (sans retour à la ligne ni tabulation).`
export const maxLengthMessage = (label: string, max: number) =>
  `${label} : ${max} caractères au plus.`

/** True when `value` holds a control character other than tab, LF and CR. */
export const hasControlCharacter = (value: string) => CONTROL.test(value)

/**
 * A one-line text field: trimmed, at most `max` characters (`tooLong` words the refusal), no
 * control character, no line break or tab. Chain `.min()`, `.optional()`, `.default()`, `.pipe(z.email())` as needed;
 * a control character stops the checks after it, so the person reads one message.
 */
export function singleLine(label: string, max: number, tooLong = maxLengthMessage(label, max)) {
  return (
    z
      .string({ error: `${label} : champ obligatoire.` })
      .check(
        z.refine((value: string) => !CONTROL.test(value), {
          error: controlCharacterMessage(label),
          abort: true,
        }),
      )
      // Line ends at the edges (a pasted name) are trimmed away; inside, they are refused.
      .trim()
      .check(
        z.refine((value: string) => !LINE_BREAK_OR_TAB.test(value), {
          error: lineBreakMessage(label),
          abort: true,
        }),
      )
      .max(max, tooLong)
  )
}

/**
 * A multi-line text field (a letter, an answer, a reason): line breaks and tabs are kept,
 * Windows line ends become "\n", any other control character is refused; trimmed, at most
 * `max` characters.
 */
export function multiLine(label: string, max: number, tooLong = maxLengthMessage(label, max)) {
  return z
    .string({ error: `${label} : champ obligatoire.` })
    .check(
      z.refine((value: string) => !CONTROL.test(value), {
        error: controlCharacterMessage(label),
        abort: true,
      }),
    )
    .trim()
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .max(max, tooLong)
}

/**
 * Free text from a URL (a search box): never an error. Control characters become spaces,
 * runs of spaces one, and text longer than `max` is cut; anything that is not text is ''.
 */
export function queryText(max: number) {
  return z
    .string()
    .transform((value) =>
      Array.from(value.replace(ANY_CONTROL, ' ').replace(/\s+/g, ' ').trim())
        .slice(0, max)
        .join('')
        .trim(),
    )
    .catch('')
}

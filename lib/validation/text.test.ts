import { describe, expect, it } from 'vitest'
import { multiLine, queryText, singleLine } from './text'

const messagesOf = (
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } }
  },
  value: unknown,
) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? []

const controlMessage = 'Prénom : contient un caractère invisible non autorisé.'
const lineMessage = 'Prénom : doit tenir sur une ligne (sans retour à la ligne ni tabulation).'

// Every C0 control character and DEL, except the three line-layout ones tested on their own.
const controls = [...Array.from({ length: 0x20 }, (_, code) => code), 0x7f]
  .filter((code) => ![0x09, 0x0a, 0x0d].includes(code))
  .map((code) => String.fromCharCode(code))

describe('one-line text fields', () => {
  const field = singleLine('Prénom', 20).min(1, 'Prénom : champ obligatoire.')

  it.each(controls.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, c]))(
    'refuse the control character %s in French, as the only message',
    (_, c) => {
      expect(messagesOf(field, `Lé${c}a`)).toEqual([controlMessage])
      expect(messagesOf(field, `${c}`)).toEqual([controlMessage])
    },
  )

  it.each([
    ['CR', 'Léa\rBcc: x@exemple.fr'],
    ['LF', 'Léa\nBcc: x@exemple.fr'],
    ['CR LF', 'Léa\r\nBcc: x@exemple.fr'],
    ['tab', 'Léa\tMartin'],
  ])('refuse a %s inside the text (it would reach an email subject or a CSV line)', (_, value) => {
    expect(messagesOf(field, value)).toEqual([lineMessage])
  })

  it('accept ordinary text, trimmed, line ends at the edges included', () => {
    expect(field.parse('  Léa-Marie d’Arc  ')).toBe('Léa-Marie d’Arc')
    expect(field.parse('Léa\r\n')).toBe('Léa')
    expect(field.parse('Zoë 🎓 Ñuñez')).toBe('Zoë 🎓 Ñuñez')
  })

  it('keep their length limit and let callers word "too long"', () => {
    expect(messagesOf(field, 'x'.repeat(21))).toEqual(['Prénom : 20 caractères au plus.'])
    expect(
      messagesOf(singleLine('E-mail', 5, 'E-mail : adresse trop longue.'), 'x'.repeat(6)),
    ).toEqual(['E-mail : adresse trop longue.'])
    expect(messagesOf(field, '')).toEqual(['Prénom : champ obligatoire.'])
  })
})

describe('multi-line text fields', () => {
  const letter = multiLine('Lettre', 50)

  it.each(controls.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, c]))(
    'refuse the control character %s in French',
    (_, c) => {
      expect(messagesOf(letter, `Madame,\n${c}Je`)).toEqual([
        'Lettre : contient un caractère invisible non autorisé.',
      ])
    },
  )

  it('keep line breaks and tabs, with Windows and old Mac line ends made "\\n"', () => {
    expect(letter.parse('Madame,\n\n\tJe souhaite')).toBe('Madame,\n\n\tJe souhaite')
    expect(letter.parse('Madame,\r\nJe\rsouhaite')).toBe('Madame,\nJe\nsouhaite')
  })

  it('keep their length limit', () => {
    expect(messagesOf(letter, 'x'.repeat(51))).toEqual(['Lettre : 50 caractères au plus.'])
  })
})

describe('text from a URL', () => {
  const q = queryText(10)

  it('never fails: control characters become spaces, long text is cut, anything else is empty', () => {
    expect(q.parse('\u0000')).toBe('')
    expect(q.parse('Mar\u0000tin\u0001')).toBe('Mar tin')
    expect(q.parse(' Léa\r\n\tMartin ')).toBe('Léa Martin')
    expect(q.parse('x'.repeat(50))).toBe('x'.repeat(10))
    expect(q.parse('🎓'.repeat(20))).toBe('🎓'.repeat(10))
    expect(q.parse(undefined)).toBe('')
    expect(q.parse(['a', 'b'])).toBe('')
  })
})

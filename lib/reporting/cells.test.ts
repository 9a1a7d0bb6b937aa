import { describe, expect, it } from 'vitest'
import { csvLine, neutralizeCell } from './cells'

describe('spreadsheet cells', () => {
  it('neutralise anything a spreadsheet would run as a formula', () => {
    expect(neutralizeCell('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`)
    expect(neutralizeCell('+33 6 12')).toBe(`'+33 6 12`)
    expect(neutralizeCell('-1+1')).toBe(`'-1+1`)
    expect(neutralizeCell('+1 cmd|calc')).toBe(`'+1 cmd|calc`)
    expect(neutralizeCell('@SUM(A1)')).toBe(`'@SUM(A1)`)
    expect(neutralizeCell('\t=1')).toBe(`'\t=1`)
    expect(neutralizeCell('Léa')).toBe('Léa')
    expect(neutralizeCell(-1)).toBe(-1)
  })
  it.each([
    ['full-width equals', '＝HYPERLINK("http://evil","x")'],
    ['full-width plus', '＋cmd|calc'],
    ['full-width minus', '－1＋1'],
    ['full-width at', '＠SUM(A1)'],
    ['small-form equals', '﹦1+1'],
    ['a space before =', ' =1+1'],
    ['spaces before +', '   +cmd|calc'],
    ['a non-breaking space before =', '\u00a0=1+1'],
    ['a narrow non-breaking space before @', '\u202f@SUM(A1)'],
    ['an ideographic space before ＝', '\u3000＝1+1'],
    ['a zero-width space before =', '\u200b=1+1'],
    ['a byte-order mark before =', '\ufeff=1+1'],
    ['a tab before =', '\t=1+1'],
    ['a carriage return before =', '\r=1+1'],
    ['a line feed before -', '\n-1+1'],
    ['a space and a tab before =', ' \t=1+1'],
  ])('neutralise a formula hidden behind %s', (_, value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`)
    expect(csvLine([value]).startsWith(`'`) || csvLine([value]).startsWith(`"'`)).toBe(true)
  })
  it.each([
    ['Léa Martin'],
    ['Martin-Dupont'],
    ['a = b'],
    ['Note : 15/20'],
    ['  Léa'],
    ['\u00a0Léa'],
    ['e-mail@exemple.fr'],
    ['2+2'],
  ])('leave ordinary text as it is: %j', (value) => {
    expect(neutralizeCell(value)).toBe(value)
  })
  it('leave plain numbers such as an E.164 phone as they are', () => {
    expect(neutralizeCell('+33612345678')).toBe('+33612345678')
    expect(neutralizeCell('-12,5')).toBe('-12,5')
  })
  it('write CSV lines French spreadsheets open as is', () => {
    expect(csvLine(['Martin', 'a;b', 'dit "oui"', 'ligne\nsuivante', null, 3])).toBe(
      'Martin;"a;b";"dit ""oui""";"ligne\nsuivante";;3\r\n',
    )
    expect(csvLine(['=1+1', '<script>alert(1)</script>'])).toBe(
      `'=1+1;<script>alert(1)</script>\r\n`,
    )
  })
})

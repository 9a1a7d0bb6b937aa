import { describe, expect, it } from 'vitest'
import { attachmentHeader, csvLine, neutralizeCell } from './cells'

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
  it('leave plain numbers such as an E.164 phone as they are', () => {
    expect(neutralizeCell('+33612345678')).toBe('+33612345678')
    expect(neutralizeCell('-12,5')).toBe('-12,5')
  })
  it('write CSV lines French spreadsheets open as is', () => {
    expect(csvLine(['Martin', 'a;b', 'dit "oui"', 'ligne\nsuivante', null, 3])).toBe('Martin;"a;b";"dit ""oui""";"ligne\nsuivante";;3\r\n')
    expect(csvLine(['=1+1', '<script>alert(1)</script>'])).toBe(`'=1+1;<script>alert(1)</script>\r\n`)
  })
  it('name downloads safely', () => {
    expect(attachmentHeader('candidatures-é"2026.csv')).toBe(`attachment; filename="candidatures-e2026.csv"; filename*=UTF-8''candidatures-%C3%A9%222026.csv`)
  })
})

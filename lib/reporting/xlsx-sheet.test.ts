import { describe, expect, it } from 'vitest'
import { rowXml } from './xlsx-sheet'

describe('XLSX sheet rows', () => {
  it('writes text, numbers and dates as spreadsheet cells, leaving empty cells out', () => {
    expect(
      rowXml(2, ['Martin', 12.5, null, new Date('2026-01-01T12:00:00Z'), undefined], false),
    ).toBe(
      '<row r="2"><c r="A2" t="str"><v>Martin</v></c><c r="B2"><v>12.5</v></c><c r="D2" s="2"><v>46023.5</v></c></row>',
    )
  })

  it('escapes markup and drops characters XML cannot carry, so no value breaks the file', () => {
    expect(rowXml(3, ['<b>"Léa" & \'Zoé\'</b>\u0001\u000b\ttab'], false)).toBe(
      '<row r="3"><c r="A3" t="str"><v>&lt;b&gt;&quot;Léa&quot; &amp; &apos;Zoé&apos;&lt;/b&gt;\ttab</v></c></row>',
    )
  })

  it('makes the header bold and names columns past Z as a spreadsheet does', () => {
    const header = Array.from({ length: 28 }, (_, i) => `C${i}`)
    const xml = rowXml(1, header, true)
    expect(xml).toContain('<c r="A1" s="1" t="str"><v>C0</v></c>')
    expect(xml).toContain('<c r="Z1" s="1" t="str"><v>C25</v></c>')
    expect(xml).toContain('<c r="AB1" s="1" t="str"><v>C27</v></c>')
  })
})

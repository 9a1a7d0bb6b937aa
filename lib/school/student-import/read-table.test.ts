import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { UserFacingError } from '@/lib/errors'
import { detectSeparator, parseCsv } from './csv'
import { decodeText } from './decode'
import { readTable } from './read-table'

const utf8 = (text: string) => new TextEncoder().encode(text)
/** Windows-1252 bytes: Latin-1 for most letters, 0x9C for "œ", 0x92 for "’". */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((c) => ({ œ: 0x9c, '’': 0x92 })[c] ?? c.charCodeAt(0)))

describe('decoding an export', () => {
  it('reads Windows-1252, Excel’s French default, when the bytes are not UTF-8', () => {
    const { text, encoding } = decodeText(cp1252('Nom;Prénom\nCœur;Élodie’'))
    expect(encoding).toBe('windows-1252')
    expect(text).toBe('Nom;Prénom\nCœur;Élodie’')
  })

  it('drops the UTF-8 byte-order mark so the first header is not "\\uFEFFNom"', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Nom;Prénom')])
    expect(decodeText(bytes)).toEqual({ text: 'Nom;Prénom', encoding: 'utf-8' })
  })

  it('reads UTF-8 without a mark, and UTF-16 with one (Excel’s "texte Unicode")', () => {
    expect(decodeText(utf8('Prénom'))).toEqual({ text: 'Prénom', encoding: 'utf-8' })
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Prénom\tNom', 'utf16le')])
    expect(decodeText(utf16)).toEqual({ text: 'Prénom\tNom', encoding: 'utf-16le' })
  })
})

describe('CSV', () => {
  it('finds the separator on the header line: semicolon, comma or tab', () => {
    expect(detectSeparator('Nom;Prénom;Classe\nA,B;C;D')).toBe(';')
    expect(detectSeparator('Nom,Prénom,Classe')).toBe(',')
    expect(detectSeparator('Nom\tPrénom')).toBe('\t')
    expect(detectSeparator('"Nom;Prénom",Classe')).toBe(',')
  })

  it('reads quoted cells with separators, doubled quotes and line breaks, and counts lines', () => {
    const rows = parseCsv(
      'Nom;Adresse\r\n"Martin";"1 rue ""Haute""; bât. B"\r\n"Durand";"ligne 1\nligne 2"\r\n\r\nPetit;x\r\n',
    )
    expect(rows).toEqual([
      { line: 1, cells: ['Nom', 'Adresse'] },
      { line: 2, cells: ['Martin', '1 rue "Haute"; bât. B'] },
      { line: 3, cells: ['Durand', 'ligne 1\nligne 2'] },
      { line: 6, cells: ['Petit', 'x'] },
    ])
  })
})

describe('reading the table', () => {
  it('skips a title line above the headers', async () => {
    const table = await readTable(
      cp1252('Liste des élèves - 2026;;\nNom;Prénom;Classe\nMartin;Léa;3e A\n'),
    )
    expect(table.headers).toEqual(['Nom', 'Prénom', 'Classe'])
    expect(table.rows).toEqual([{ line: 3, cells: ['Martin', 'Léa', '3e A'] }])
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';' })
  })

  it('reads the first sheet of an XLSX file, dates as dd/mm/yyyy', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Élèves')
    sheet.addRow(['Nom', 'Prénom', 'Date de naissance', 'Classe'])
    sheet.addRow([
      'Martin',
      { richText: [{ text: 'Lé' }, { text: 'a' }] },
      new Date(Date.UTC(2012, 2, 14)),
      '3e A',
    ])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const table = await readTable(bytes)
    expect(table.format).toBe('xlsx')
    expect(table.headers).toEqual(['Nom', 'Prénom', 'Date de naissance', 'Classe'])
    expect(table.rows).toEqual([{ line: 2, cells: ['Martin', 'Léa', '14/03/2012', '3e A'] }])
  })

  it('refuses an old .xls file, an empty one, and one with headers only, in French', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    await expect(readTable(xls)).rejects.toThrow(/\.xls/)
    await expect(readTable(new Uint8Array())).rejects.toThrow('Le fichier est vide.')
    await expect(readTable(utf8('Nom;Prénom\n'))).rejects.toBeInstanceOf(UserFacingError)
  })

  it('warns when accents were damaged by a double conversion', async () => {
    const table = await readTable(utf8('Nom;Prénom;Classe\nMartin;LÃ©a;3e A'))
    expect(table.warnings[0]).toMatch(/accentuées/)
    const clean = await readTable(utf8('Nom;Prénom;Classe\nMartin;Léa;3e A'))
    expect(clean.warnings).toEqual([])
  })
})

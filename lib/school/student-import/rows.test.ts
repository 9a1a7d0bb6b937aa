import { describe, expect, it } from 'vitest'
import { guessMapping } from './mapping'
import { validateRows, type ValidationContext } from './rows'
import { normaliseIne, parseFrenchDate } from './values'

const headers = ['Nom', 'Prénom', 'Date de naissance', 'INE', 'Classe', 'E-mail']
const mapping = guessMapping(headers)
const context: ValidationContext = {
  classes: new Map([
    ['3e a', { id: 'a', name: '3e A' }],
    ['3e b', { id: 'b', name: '3e B' }],
  ]),
  createMissingClasses: false,
  today: '2026-12-02',
}
const row = (line: number, ...cells: string[]) => ({ line, cells })

describe('cell values', () => {
  it('reads French dates dd/mm/yyyy (and d/m, dashes, dots, ISO) and refuses impossible ones', () => {
    expect(parseFrenchDate('14/03/2012')).toBe('2012-03-14')
    expect(parseFrenchDate('4/3/2012')).toBe('2012-03-04')
    expect(parseFrenchDate('04-03-2012')).toBe('2012-03-04')
    expect(parseFrenchDate('04.03.2012')).toBe('2012-03-04')
    expect(parseFrenchDate('2012-03-04')).toBe('2012-03-04')
    expect(parseFrenchDate('31/02/2012')).toBeNull()
    expect(parseFrenchDate('03/14/2012')).toBeNull()
    expect(parseFrenchDate('14/03/12')).toBeNull()
    expect(parseFrenchDate('hier')).toBeNull()
  })

  it('accepts an INE of 11 characters (10 digits and a letter, or 9 digits and two letters)', () => {
    expect(normaliseIne('1234567890a')).toBe('1234567890A')
    expect(normaliseIne('123 456 789 AB')).toBe('123456789AB')
    expect(normaliseIne('12345678901')).toBeNull()
    expect(normaliseIne('1234567890')).toBeNull()
    expect(normaliseIne('A234567890B')).toBeNull()
  })
})

describe('checking the rows', () => {
  it('keeps good rows with their class spelled as the school does', () => {
    const result = validateRows(
      [row(2, 'MARTIN', 'Léa', '14/03/2012', '1234567890A', '3E  a', 'LEA@exemple.fr')],
      mapping,
      context,
    )
    expect(result.errors).toEqual([])
    expect(result.rows).toEqual([
      {
        line: 2,
        lastName: 'MARTIN',
        firstName: 'Léa',
        birthDate: '2012-03-14',
        ine: '1234567890A',
        className: '3e A',
        email: 'lea@exemple.fr',
        guardianName: null,
        guardianEmail: null,
      },
    ])
  })

  it('refuses each broken row with its line number and a French reason', () => {
    const result = validateRows(
      [
        row(2, '', 'Léa', '14/03/2012', '', '3e A', ''),
        row(3, 'Petit', 'Jean', '31/02/2012', '', '3e A', ''),
        row(4, 'Durand', 'Zoé', '01/01/2012', '', '3e A', 'zoe@'),
        row(5, 'Roux', 'Paul', '01/01/2012', 'ABC', '3e A', ''),
        row(6, 'Blanc', 'Inès', '01/01/2012', '', '4e Z', ''),
        row(7, 'Noir', 'Hugo', '', '', '3e A', ''),
        row(8, 'Vert', 'Lou', '01/01/2040', '', '3e A', ''),
      ],
      mapping,
      context,
    )
    expect(result.rows).toEqual([])
    expect(result.errors.map((e) => [e.line, e.reasons[0]])).toEqual([
      [2, 'Nom manquant(e).'],
      [3, 'Date de naissance invalide « 31/02/2012 » : attendu jj/mm/aaaa.'],
      [4, 'Adresse e-mail invalide « zoe@ ».'],
      [5, expect.stringMatching(/^INE mal formé « ABC »/)],
      [6, 'Classe inconnue « 4e Z » : créez-la ou corrigez le fichier.'],
      [7, expect.stringMatching(/^Ni INE, ni e-mail, ni date de naissance/)],
      [8, 'Date de naissance invalide « 01/01/2040 » : attendu jj/mm/aaaa.'],
    ])
    expect(result.missingClasses).toEqual(['4e Z'])
  })

  it('accepts an unknown class when the person asked to create it', () => {
    const result = validateRows([row(2, 'Blanc', 'Inès', '01/01/2012', '', '4e Z', '')], mapping, {
      ...context,
      createMissingClasses: true,
    })
    expect(result.errors).toEqual([])
    expect(result.rows[0]!.className).toBe('4e Z')
    expect(result.missingClasses).toEqual(['4e Z'])
  })

  it('drops a repeated line, and refuses both lines of a student listed in two classes', () => {
    const result = validateRows(
      [
        row(2, 'Martin', 'Léa', '14/03/2012', '1234567890A', '3e A', ''),
        row(3, 'Martin', 'Léa', '14/03/2012', '1234567890A', '3e A', ''),
        row(4, 'Petit', 'Jean', '01/01/2012', '', '3e A', 'jean@exemple.fr'),
        row(5, 'Petit', 'Jean', '01/01/2012', '', '3e B', 'JEAN@exemple.fr'),
        row(6, 'Roux', 'Paul', '02/02/2012', '', '3e B', ''),
        row(7, 'Roux', 'Paul', '02/02/2012', '', '3e B', ''),
      ],
      mapping,
      context,
    )
    expect(result.rows.map((r) => r.line)).toEqual([2, 6])
    expect(result.errors.map((e) => [e.line, e.reasons[0]])).toEqual([
      [3, 'Ligne en double : même élève qu’à la ligne 2.'],
      [4, expect.stringMatching(/^Élève présent deux fois dans le fichier, dans deux classes/)],
      [5, expect.stringMatching(/^Élève présent deux fois dans le fichier, dans deux classes/)],
      [7, 'Ligne en double : même élève qu’à la ligne 6.'],
    ])
  })

  it('refuses a second student given the same email as an earlier line', () => {
    const result = validateRows(
      [
        row(2, 'Martin', 'Léa', '14/03/2012', '1234567890A', '3e A', 'x@exemple.fr'),
        row(3, 'Martin', 'Tom', '14/03/2012', '1234567890B', '3e A', 'x@exemple.fr'),
      ],
      mapping,
      context,
    )
    expect(result.rows.map((r) => r.line)).toEqual([2])
    expect(result.errors[0]!.reasons[0]).toMatch(/déjà donnée à un autre élève à la ligne 2/)
  })
})

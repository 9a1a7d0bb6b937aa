import { describe, expect, it } from 'vitest'
import { fieldOfHeader, guessMapping } from './mapping'

describe('guessing the column mapping', () => {
  it('recognises French headers whatever their accents and case', () => {
    expect(fieldOfHeader('NOM')).toBe('lastName')
    expect(fieldOfHeader('Nom de famille')).toBe('lastName')
    expect(fieldOfHeader('Prénom')).toBe('firstName')
    expect(fieldOfHeader('PRENOM 1')).toBe('firstName')
    expect(fieldOfHeader('Date de naissance')).toBe('birthDate')
    expect(fieldOfHeader('Né(e) le')).toBe('birthDate')
    expect(fieldOfHeader('N° INE')).toBe('ine')
    expect(fieldOfHeader('Classe')).toBe('className')
    expect(fieldOfHeader('Division')).toBe('className')
    expect(fieldOfHeader('E-mail')).toBe('email')
    expect(fieldOfHeader('Courriel élève')).toBe('email')
    expect(fieldOfHeader('Responsable légal')).toBe('guardianName')
    expect(fieldOfHeader('Nom du représentant légal 1')).toBe('guardianName')
    expect(fieldOfHeader('E-mail du responsable')).toBe('guardianEmail')
    expect(fieldOfHeader('Courriel responsable légal 1')).toBe('guardianEmail')
    expect(fieldOfHeader('Téléphone responsable')).toBeNull()
    expect(fieldOfHeader('Régime')).toBeNull()
  })

  it('gives each field the first column naming it, and leaves the others unmapped', () => {
    expect(
      guessMapping([
        'INE',
        'NOM',
        'PRENOM',
        'Nom d’usage',
        'CLASSE',
        'Date de naissance',
        'Régime',
      ]),
    ).toEqual({
      ine: 0,
      lastName: 1,
      firstName: 2,
      className: 4,
      birthDate: 5,
      email: null,
      guardianName: null,
      guardianEmail: null,
    })
  })
})

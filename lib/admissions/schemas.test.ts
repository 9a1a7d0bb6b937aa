import { describe, expect, it } from 'vitest'
import { applicationDraftSchema, applicationSchema } from './schemas'

const valid = {
  civility: 'mme',
  firstName: 'Léa',
  lastName: 'Martin',
  birthDate: '2004-05-12',
  phone: '06 12 34 56 78',
  addressLine: '12 rue des Lilas',
  postalCode: '31000',
  city: 'Toulouse',
  country: 'France',
  diploma: 'bts',
  currentEstablishment: 'Lycée Déodat de Séverac',
  specialty: 'BTS Comptabilité et gestion',
  graduationYear: '2026',
  motivation: 'x'.repeat(250),
  recommenders: [
    { name: 'Jean Dupont', position: 'Professeur d’économie', email: 'Jean.Dupont@ac-toulouse.fr' },
    { name: 'Anne Leroy', position: 'Professeure de gestion', email: 'anne.leroy@ac-toulouse.fr' },
  ],
}

const messages = (input: unknown, required = 2, candidate?: string) => {
  const result = applicationSchema(required, candidate).safeParse(input)
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('application form', () => {
  it('accepts a complete application and normalises phone, emails and year', () => {
    const data = applicationSchema(2).parse(valid)
    expect(data.phone).toBe('+33612345678')
    expect(data.recommenders[0]!.email).toBe('jean.dupont@ac-toulouse.fr')
    expect(data.graduationYear).toBe(2026)
  })

  it('asks for exactly the campaign’s number of recommenders', () => {
    expect(messages(valid, 3)).toEqual({ recommenders: 'Indiquez 3 recommandant(s).' })
  })

  it('refuses the same recommender twice and the candidate recommending herself', () => {
    const twice = {
      ...valid,
      recommenders: [
        valid.recommenders[0],
        { ...valid.recommenders[1], email: 'jean.dupont@ac-toulouse.fr' },
      ],
    }
    expect(messages(twice)).toEqual({
      'recommenders.1.email': 'E-mail du recommandant : déjà utilisé pour le recommandant 1.',
    })
    const self = {
      ...valid,
      recommenders: [{ ...valid.recommenders[0], email: 'lea@exemple.fr' }, valid.recommenders[1]],
    }
    expect(messages(self, 2, 'Lea@exemple.fr')).toEqual({
      'recommenders.0.email':
        'E-mail du recommandant : vous ne pouvez pas vous recommander vous-même.',
    })
  })

  it('gives one French message per faulty field', () => {
    const errors = messages({
      ...valid,
      firstName: ' ',
      phone: '12',
      birthDate: '2020-01-01',
      motivation: 'trop court',
      recommenders: [{ name: 'J', position: '', email: 'x' }, valid.recommenders[1]],
    })
    expect(errors).toEqual({
      firstName: 'Prénom : champ obligatoire.',
      phone: 'Téléphone : numéro invalide (ex. 06 12 34 56 78 ou +32 470 12 34 56).',
      birthDate: 'Date de naissance : vous devez avoir entre 15 et 80 ans.',
      motivation: 'Lettre de motivation : 200 caractères au moins.',
      'recommenders.0.name': 'Nom du recommandant : 2 caractères au moins.',
      'recommenders.0.position': 'Poste : champ obligatoire.',
      'recommenders.0.email': 'E-mail du recommandant : adresse e-mail invalide.',
    })
  })

  it('says “champ obligatoire” for an empty required field, once', () => {
    const result = applicationSchema(2).safeParse({
      ...valid,
      birthDate: '',
      graduationYear: '',
      motivation: '',
    })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['birthDate', 'Date de naissance : champ obligatoire.'],
      ['graduationYear', 'Année d’obtention : champ obligatoire.'],
      ['motivation', 'Lettre de motivation : champ obligatoire.'],
    ])
  })

  it('bounds every text length', () => {
    expect(messages({ ...valid, lastName: 'x'.repeat(101), motivation: 'x'.repeat(5001) })).toEqual(
      {
        lastName: 'Nom : 100 caractères au plus.',
        motivation: 'Lettre de motivation : 5000 caractères au plus.',
      },
    )
  })

  it('lets a draft be incomplete but not oversized', () => {
    expect(applicationDraftSchema.safeParse({ firstName: 'Léa' }).success).toBe(true)
    expect(applicationDraftSchema.safeParse({ motivation: 'x'.repeat(5001) }).success).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import type { FieldErrors } from 'react-hook-form'
import { summaryItems, titleWithError, titleWithoutError } from './summary-items'

describe('error summary items', () => {
  it('lists one line per field, named by the path the forms use as the control id', () => {
    const errors = {
      firstName: { type: 'too_small', message: 'Prénom : champ obligatoire.' },
      recommenders: [
        undefined,
        { email: { type: 'invalid', message: 'Adresse e-mail : adresse invalide.' } },
      ],
      answers: { 'q-1': { type: 'invalid', message: 'Choisissez une réponse.' } },
      root: { type: 'server', message: 'Certains champs sont à corriger.' },
    } as unknown as FieldErrors
    expect(summaryItems(errors)).toEqual([
      { name: 'firstName', message: 'Prénom : champ obligatoire.' },
      { name: 'recommenders.1.email', message: 'Adresse e-mail : adresse invalide.' },
      { name: 'answers.q-1', message: 'Choisissez une réponse.' },
    ])
  })

  it('keeps an array’s own error and every message the server gave for one field', () => {
    const errors = {
      recommenders: { root: { type: 'too_small', message: 'Indiquez 2 recommandant(s).' } },
      documents: {
        type: 'server',
        message: 'Pièce manquante : A.',
        types: { 'server-0': 'Pièce manquante : A.', 'server-1': 'Pièce manquante : B.' },
      },
    } as unknown as FieldErrors
    expect(summaryItems(errors)).toEqual([
      { name: 'recommenders', message: 'Indiquez 2 recommandant(s).' },
      { name: 'documents', message: 'Pièce manquante : A.' },
      { name: 'documents', message: 'Pièce manquante : B.' },
    ])
  })

  it('prefixes the title once and restores it', () => {
    expect(titleWithError('Candidater | Tremplin')).toBe('Erreur : Candidater | Tremplin')
    expect(titleWithError('Erreur : Candidater | Tremplin')).toBe('Erreur : Candidater | Tremplin')
    expect(titleWithoutError('Erreur : Candidater | Tremplin')).toBe('Candidater | Tremplin')
  })
})

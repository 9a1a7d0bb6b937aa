import { describe, expect, it } from 'vitest'
import { uploadRefusal } from './documents'

describe('when a candidate may give a file', () => {
  it('accepts any file in a draft while the campaign is open, none before it opens or once it is closed', () => {
    expect(uploadRefusal({ applicationStatus: 'draft', phase: 'open' })).toBeNull()
    expect(
      uploadRefusal({ applicationStatus: 'draft', phase: 'open', documentStatus: 'pending' }),
    ).toBeNull()
    expect(uploadRefusal({ applicationStatus: 'draft', phase: 'closed' })).toBe(
      'Cette campagne est close : le dépôt de pièces n’est plus possible.',
    )
    expect(uploadRefusal({ applicationStatus: 'draft', phase: 'upcoming' })).toMatch(
      /pas encore ouverte/,
    )
  })

  it('after submission, accepts a refused document’s replacement or a required document added since, even after the closing date', () => {
    expect(
      uploadRefusal({
        applicationStatus: 'incomplete',
        phase: 'closed',
        documentStatus: 'refused',
      }),
    ).toBeNull()
    expect(
      uploadRefusal({ applicationStatus: 'incomplete', phase: 'closed', required: true }),
    ).toBeNull()
    expect(
      uploadRefusal({ applicationStatus: 'submitted', phase: 'open', documentStatus: 'pending' }),
    ).toMatch(/seule une pièce refusée ou manquante/)
    expect(
      uploadRefusal({
        applicationStatus: 'submitted',
        phase: 'open',
        documentStatus: 'valid',
        required: true,
      }),
    ).toMatch(/seule une pièce refusée ou manquante/)
    expect(
      uploadRefusal({ applicationStatus: 'submitted', phase: 'open', required: false }),
    ).toMatch(/seule une pièce refusée ou manquante/)
  })

  it('refuses any change once the file is decided or closed', () => {
    for (const applicationStatus of [
      'admitted',
      'waitlisted',
      'rejected',
      'confirmed',
      'withdrawn',
      'auto_withdrawn',
    ] as const) {
      expect(uploadRefusal({ applicationStatus, phase: 'open', documentStatus: 'refused' })).toBe(
        'Votre dossier a déjà été examiné : ses pièces ne peuvent plus être modifiées.',
      )
    }
  })
})

import { describe, expect, it } from 'vitest'
import { missingItemLabel, missingItemSentence } from './completeness-messages'

describe('missing elements, as candidates read them', () => {
  it('says whether a document was never given or must be replaced', () => {
    expect(
      missingItemSentence({ kind: 'document', name: 'Relevés de notes', state: 'missing' }),
    ).toBe('Pièce manquante : Relevés de notes.')
    expect(
      missingItemSentence({ kind: 'document', name: 'Pièce d’identité', state: 'refused' }),
    ).toBe('Pièce à remplacer : Pièce d’identité.')
  })

  it('lists a document by its name alone in a reminder, even one whose name looks like a sentence', () => {
    expect(
      missingItemLabel({ kind: 'document', name: 'Pièce manquante : lettre.', state: 'refused' }),
    ).toBe('Pièce manquante : lettre.')
  })
})

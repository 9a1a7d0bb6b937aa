import { describe, expect, it } from 'vitest'
import { applicationsCaption } from './applications-table-labels'

describe('applications table caption', () => {
  it('names the sorted column by its French header, never by its code name', () => {
    const caption = applicationsCaption({ column: 'submittedAt', desc: true })
    expect(caption).toBe('Candidatures, triées par « Déposée le », ordre décroissant')
    expect(caption).not.toContain('submittedAt')
  })

  it('says the ascending order too', () => {
    expect(applicationsCaption({ column: 'name', desc: false })).toBe(
      'Candidatures, triées par « Candidat », ordre croissant',
    )
  })

  it('falls back to the default order when no known column is sorted', () => {
    expect(applicationsCaption(undefined)).toBe('Candidatures, triées par date de dépôt')
    expect(applicationsCaption({ column: 'unknown', desc: false })).toBe(
      'Candidatures, triées par date de dépôt',
    )
  })
})

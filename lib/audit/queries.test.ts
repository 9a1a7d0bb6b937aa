import { describe, expect, it } from 'vitest'
import { describeChange, parseAuditFilters } from './queries'

describe('audit log browser', () => {
  it('reads its filters from the URL and ignores anything malformed', () => {
    expect(
      parseAuditFilters({
        action: 'document.reviewed',
        qui: ' coordination@ ',
        du: '2026-11-01',
        au: 'hier',
        id: "x'; drop",
        avant: '120',
      }),
    ).toEqual({
      action: 'document.reviewed',
      qui: 'coordination@',
      objet: '',
      id: '',
      du: '2026-11-01',
      au: '',
      avant: 120,
    })
  })

  it('filters on the permission a refusal names', () => {
    expect(
      parseAuditFilters({
        action: 'access.refused',
        objet: 'permission',
        id: 'applications.view-all',
      }),
    ).toMatchObject({ objet: 'permission', id: 'applications.view-all' })
  })

  it('shows what changed, before → after', () => {
    expect(
      describeChange({ status: 'complete' }, { status: 'under_review', reason: 'mise en examen' }),
    ).toBe('status : complete → under_review · reason : mise en examen')
    expect(describeChange(null, { format: 'csv' })).toBe('format : csv')
  })
})

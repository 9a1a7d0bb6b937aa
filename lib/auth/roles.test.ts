import { describe, expect, it } from 'vitest'
import { navigationFor } from './roles'

describe('role navigation', () => {
  it('shows the admin pages only to admins', () => {
    expect(navigationFor(['admin']).map((i) => i.href)).toContain('/equipe/membres')
    expect(navigationFor(['coordinator']).map((i) => i.href)).not.toContain('/equipe/membres')
  })
  it('merges several roles without repeating an entry', () => {
    const hrefs = navigationFor(['reviewer', 'coordinator', 'student']).map((i) => i.href)
    expect(hrefs).toEqual([
      '/equipe',
      '/equipe/candidatures',
      '/equipe/campagnes',
      '/equipe/examen',
      '/espace',
      '/espace/eleve',
    ])
  })
  it('gives a person without membership their own space', () => {
    expect(navigationFor([])).toEqual([{ href: '/espace', label: 'Mon espace' }])
  })
})

import { describe, expect, it } from 'vitest'
import { currentItem } from './current-item'

const items = [
  { href: '/equipe', label: 'Tableau de bord' },
  { href: '/equipe/candidatures', label: 'Candidatures' },
  { href: '/equipe/campagnes', label: 'Campagnes' },
]

describe('the current navigation item', () => {
  it('is the item of the page shown, exactly', () => {
    expect(currentItem(items, '/equipe/campagnes')).toEqual({
      href: '/equipe/campagnes',
      exact: true,
    })
    expect(currentItem(items, '/equipe')).toEqual({ href: '/equipe', exact: true })
  })
  it('is the closest parent item below it, not the dashboard', () => {
    expect(currentItem(items, '/equipe/candidatures/42')).toEqual({
      href: '/equipe/candidatures',
      exact: false,
    })
  })
  it('is none elsewhere, and a shared prefix is not a parent', () => {
    expect(currentItem(items, '/espace')).toBeNull()
    expect(
      currentItem(
        [{ href: '/equipe/campagnes', label: 'Campagnes' }],
        '/equipe/campagnes-archivees',
      ),
    ).toBeNull()
  })
})

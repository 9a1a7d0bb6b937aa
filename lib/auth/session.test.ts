import { describe, expect, it, vi } from 'vitest'
import { activeEstablishmentOf, establishmentsOf } from './active-establishment'

vi.mock('./auth', () => ({ auth: vi.fn() }))
vi.mock('@/db', () => ({ db: {} }))

const { findMembership, mayInCurrent } = await import('./session')

// Reviewer in A (first by name), coordinator in B.
const memberships = [
  {
    id: 'm1',
    role: 'reviewer' as const,
    establishmentId: 'e1',
    establishmentName: 'A',
    establishmentSlug: 'a',
    establishmentLogoKey: null,
  },
  {
    id: 'm2',
    role: 'coordinator' as const,
    establishmentId: 'e2',
    establishmentName: 'B',
    establishmentSlug: 'b',
    establishmentLogoKey: null,
  },
]
const viewer = { memberships }

describe('membership lookup', () => {
  it('finds the membership holding one of the roles in the given establishment', () => {
    expect(findMembership(viewer, ['coordinator'], 'e2')?.id).toBe('m2')
    expect(findMembership(viewer, ['reviewer', 'coordinator'], 'e1')?.id).toBe('m1')
  })
  it('never grants a role held in another establishment', () => {
    expect(findMembership(viewer, ['coordinator'], 'e1')).toBeUndefined()
    expect(findMembership(viewer, ['reviewer'], 'e2')).toBeUndefined()
  })
  it('grants nothing without an establishment', () => {
    expect(findMembership(viewer, ['reviewer', 'coordinator'], null)).toBeUndefined()
  })
  it('refuses roles the person does not hold', () => {
    expect(findMembership(viewer, ['admin'], 'e1')).toBeUndefined()
  })
})

describe('the session’s establishment', () => {
  it('is the one chosen while the person is a member there', () => {
    expect(activeEstablishmentOf(memberships, 'e2')).toBe('e2')
  })
  it('falls back to the first establishment when nothing was chosen', () => {
    expect(activeEstablishmentOf(memberships, null)).toBe('e1')
  })
  it('falls back to the first when the chosen one is no longer theirs', () => {
    expect(activeEstablishmentOf(memberships, 'e9')).toBe('e1')
  })
  it('is none for a person without membership', () => {
    expect(activeEstablishmentOf([], 'e1')).toBeNull()
  })
  it('lists each establishment once for the switcher', () => {
    expect(
      establishmentsOf([...memberships, { ...memberships[1]!, id: 'm3', role: 'admin' as const }]),
    ).toEqual([
      { id: 'e1', name: 'A' },
      { id: 'e2', name: 'B' },
    ])
  })
})

describe('what the current establishment allows (links and buttons)', () => {
  const twoRoles = {
    user: { id: 'u1', email: 'a@b.fr', name: null },
    establishmentId: 'e1',
    memberships: [
      {
        id: 'm1',
        role: 'reviewer' as const,
        establishmentId: 'e1',
        establishmentName: 'A',
        establishmentSlug: 'a',
        establishmentLogoKey: null,
      },
      {
        id: 'm3',
        role: 'coordinator' as const,
        establishmentId: 'e1',
        establishmentName: 'A',
        establishmentSlug: 'a',
        establishmentLogoKey: null,
      },
      {
        id: 'm4',
        role: 'admin' as const,
        establishmentId: 'e2',
        establishmentName: 'B',
        establishmentSlug: 'b',
        establishmentLogoKey: null,
      },
    ],
  }
  it('counts every role held there, not only the first one found', () => {
    expect(findMembership(twoRoles, ['reviewer', 'coordinator'], 'e1')?.role).toBe('reviewer')
    expect(mayInCurrent(twoRoles, 'campaigns.edit')).toBe(true)
  })
  it('never counts a role held in another establishment', () => {
    expect(mayInCurrent(twoRoles, 'audit.view')).toBe(false)
  })
})

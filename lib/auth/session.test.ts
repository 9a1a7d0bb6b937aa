import { describe, expect, it, vi } from 'vitest'

vi.mock('./auth', () => ({ auth: vi.fn() }))
vi.mock('@/db', () => ({ db: {} }))

const { findMembership } = await import('./session')

const viewer = {
  user: { id: 'u1', email: 'a@b.fr', name: null },
  memberships: [
    { id: 'm1', role: 'reviewer' as const, establishmentId: 'e1', establishmentName: 'A', establishmentSlug: 'a' },
    { id: 'm2', role: 'coordinator' as const, establishmentId: 'e2', establishmentName: 'B', establishmentSlug: 'b' },
  ],
}

describe('membership lookup', () => {
  it('finds a membership holding one of the roles', () => {
    expect(findMembership(viewer, ['coordinator'])?.id).toBe('m2')
  })
  it('never grants a role held in another establishment', () => {
    expect(findMembership(viewer, ['coordinator'], 'e1')).toBeUndefined()
    expect(findMembership(viewer, ['reviewer', 'coordinator'], 'e1')?.id).toBe('m1')
  })
  it('refuses roles the person does not hold', () => {
    expect(findMembership(viewer, ['admin'])).toBeUndefined()
  })
})

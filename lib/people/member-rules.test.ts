import { describe, expect, it } from 'vitest'
import { mayGrantRole, removalRefusal } from './member-rules'

describe('member rules', () => {
  const holders = { head: ['h1'], admin: ['a1'] }

  it('refuses taking the head role from the last head, whoever asks', () => {
    expect(
      removalRefusal({ actorUserId: 'a1', targetUserId: 'h1', removedRoles: ['head'], holders }),
    ).toMatch(/dernière personne à la direction/)
    expect(
      removalRefusal({
        actorUserId: 'h1',
        targetUserId: 'h1',
        removedRoles: ['head', 'admin'],
        holders,
      }),
    ).toMatch(/Vous êtes la dernière personne à la direction/)
  })

  it('lets a head go when another head remains', () => {
    expect(
      removalRefusal({
        actorUserId: 'h1',
        targetUserId: 'h1',
        removedRoles: ['head'],
        holders: { head: ['h1', 'h2'], admin: [] },
      }),
    ).toBeNull()
  })

  it('refuses that the last administrator removes themselves, not that the head removes them', () => {
    expect(
      removalRefusal({ actorUserId: 'a1', targetUserId: 'a1', removedRoles: ['admin'], holders }),
    ).toMatch(/dernière personne à l’administration/)
    expect(
      removalRefusal({ actorUserId: 'h1', targetUserId: 'a1', removedRoles: ['admin'], holders }),
    ).toBeNull()
  })

  it('says nothing about roles other than head and admin', () => {
    expect(
      removalRefusal({
        actorUserId: 'h1',
        targetUserId: 'x',
        removedRoles: ['main_teacher', 'reviewer'],
        holders,
      }),
    ).toBeNull()
  })

  it('lets only a head or an administrator make someone head', () => {
    expect(mayGrantRole(['head'], 'head')).toBe(true)
    expect(mayGrantRole(['admin'], 'head')).toBe(true)
    expect(mayGrantRole(['coordinator'], 'head')).toBe(false)
    expect(mayGrantRole(['coordinator'], 'reviewer')).toBe(true)
  })
})

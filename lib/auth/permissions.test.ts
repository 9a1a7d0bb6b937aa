import { describe, expect, it } from 'vitest'
import { roles, type Role } from '@/db/schema'
import { can, permissions, type Permission } from './permissions'

// The expected matrix, written out independently of the table it checks: any change of
// access shows up here as a deliberate edit.
const Y = true
const N = false
const expected: Record<Permission, Record<Role, boolean>> = {
  'team.dashboard': { admin: Y, coordinator: Y, reviewer: Y, tutor: Y, student: N },
  'applications.view': { admin: Y, coordinator: Y, reviewer: Y, tutor: N, student: N },
  'applications.view-all': { admin: Y, coordinator: Y, reviewer: N, tutor: N, student: N },
  'applications.export': { admin: Y, coordinator: Y, reviewer: Y, tutor: N, student: N },
  'recommendations.read': { admin: Y, coordinator: Y, reviewer: Y, tutor: N, student: N },
  'campaigns.view': { admin: Y, coordinator: Y, reviewer: Y, tutor: N, student: N },
  'campaigns.edit': { admin: Y, coordinator: Y, reviewer: N, tutor: N, student: N },
  'applications.manage': { admin: Y, coordinator: Y, reviewer: N, tutor: N, student: N },
  'reviews.score': { admin: N, coordinator: Y, reviewer: Y, tutor: N, student: N },
  'decisions.enter': { admin: Y, coordinator: Y, reviewer: Y, tutor: N, student: N },
  'decisions.publish': { admin: Y, coordinator: Y, reviewer: N, tutor: N, student: N },
  'establishment.edit': { admin: Y, coordinator: N, reviewer: N, tutor: N, student: N },
  'members.view': { admin: Y, coordinator: N, reviewer: N, tutor: N, student: N },
  'audit.view': { admin: Y, coordinator: N, reviewer: N, tutor: N, student: N },
  'outbox.manage': { admin: Y, coordinator: N, reviewer: N, tutor: N, student: N },
  'recommendations.lift-limit': { admin: Y, coordinator: Y, reviewer: N, tutor: N, student: N },
}

describe('role × action', () => {
  it('covers every permission', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(permissions).sort())
  })
  for (const permission of Object.keys(expected) as Permission[]) {
    for (const role of roles) {
      const allowed = expected[permission][role]
      it(`${allowed ? 'allows' : 'denies'} ${permission} to ${role}`, () => {
        expect(can(role, permission)).toBe(allowed)
      })
    }
  }
})

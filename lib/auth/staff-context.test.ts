import { describe, expect, it } from 'vitest'
import { AuthorizationError } from '@/lib/errors'
import { staffContextOf, staffContextOrNull } from './staff-context'

const membership = (
  id: string,
  role: 'admin' | 'coordinator' | 'reviewer',
  establishmentId: string,
) => ({
  id,
  role,
  establishmentId,
  establishmentName: establishmentId.toUpperCase(),
  establishmentSlug: establishmentId,
  establishmentLogoKey: null,
})
const user = { id: 'u1', email: 'x@ozenne.example', name: null }
// Reviewer at A (current), coordinator at B.
const person = {
  user,
  establishmentId: 'a',
  memberships: [membership('m1', 'reviewer', 'a'), membership('m2', 'coordinator', 'b')],
}

describe('the staff context', () => {
  it('refuses a signed-out person', () => {
    expect(() => staffContextOf(null, 'applications.view')).toThrow(
      new AuthorizationError('signed-out'),
    )
  })
  it('refuses a right the person holds only in another establishment', () => {
    expect(() => staffContextOf(person, 'campaigns.edit')).toThrow(
      new AuthorizationError('forbidden'),
    )
    expect(staffContextOrNull(person, 'campaigns.edit')).toBeNull()
  })
  it('limits a reviewer to the files assigned to them, in the current establishment', () => {
    const context = staffContextOf(person, 'applications.view')
    expect(context.establishmentId).toBe('a')
    expect(context.scope).toEqual({ establishmentId: 'a', reviewerUserId: 'u1' })
    expect(context.actor).toEqual({ establishmentId: 'a', actorUserId: 'u1' })
    expect(context.may('decisions.enter')).toBe(true)
    expect(context.may('decisions.publish')).toBe(false)
  })
  it('gives a coordinator every file of the establishment they switched to', () => {
    const context = staffContextOf({ ...person, establishmentId: 'b' }, 'campaigns.edit')
    expect(context.scope).toEqual({ establishmentId: 'b' })
    expect(context.membership.id).toBe('m2')
    expect(context.roles).toEqual(['coordinator'])
  })
  it('counts every role held in the establishment (reviewer and coordinator at once)', () => {
    const both = {
      ...person,
      memberships: [membership('m1', 'reviewer', 'a'), membership('m3', 'coordinator', 'a')],
    }
    const context = staffContextOf(both, 'reviews.score')
    expect(context.scope).toEqual({ establishmentId: 'a' })
    expect(context.may('decisions.publish')).toBe(true)
  })
  it('grants nothing without a current establishment', () => {
    expect(() => staffContextOf({ ...person, establishmentId: null }, 'applications.view')).toThrow(
      new AuthorizationError('forbidden'),
    )
  })
})

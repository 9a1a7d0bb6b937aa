import { describe, expect, it } from 'vitest'
import { inviteMemberSchema, isOutsideEmailDomains } from './member-schemas'

const uuid = '0b6f2a4e-8a53-4b7e-9d1c-2f6a1e9c3b5d'

describe('staff invitation form', () => {
  it('flags an address outside the establishment’s domains, subdomains included as inside', () => {
    const domains = ['ac-toulouse.fr', '@college-jaures.example']
    expect(isOutsideEmailDomains('prof@ac-toulouse.fr', domains)).toBe(false)
    expect(isOutsideEmailDomains('Prof@COLLEGE-JAURES.example', domains)).toBe(false)
    expect(isOutsideEmailDomains('prof@mail.ac-toulouse.fr', domains)).toBe(false)
    expect(isOutsideEmailDomains('prof@gmail.com', domains)).toBe(true)
    expect(isOutsideEmailDomains('prof@fake-ac-toulouse.fr', domains)).toBe(true)
    // Without domains set, nothing is flagged.
    expect(isOutsideEmailDomains('prof@gmail.com', [])).toBe(false)
  })

  it('asks a main teacher’s classes, whatever shape the checkboxes post', () => {
    const parse = (classIds: unknown) =>
      inviteMemberSchema.safeParse({ email: 'pp@ac-toulouse.fr', role: 'main_teacher', classIds })
    expect(parse(false).error?.issues[0]?.path).toEqual(['classIds'])
    expect(parse(uuid).data?.classIds).toEqual([uuid])
    expect(parse([uuid]).data?.classIds).toEqual([uuid])
    expect(parse(['pas-un-id']).success).toBe(false)
  })

  it('refuses a role that is not a staff role', () => {
    const result = inviteMemberSchema.safeParse({
      email: 'x@ac-toulouse.fr',
      role: 'student',
      classIds: [],
    })
    expect(result.error?.issues[0]?.message).toMatch(/Rôle/)
  })
})

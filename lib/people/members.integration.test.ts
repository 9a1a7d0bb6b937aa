import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  auditLog,
  classMainTeachers,
  establishments,
  memberships,
  sessions,
  users,
  type Role,
} from '@/db/schema'
import { createEstablishment, createMember, createUser } from '@/db/test/factories'
import { createClass, createSchoolYear } from '@/db/test/school'
import { createDatabaseSession } from '@/lib/auth/database-session'
import { staffContextOf } from '@/lib/auth/staff-context'
import { AuthorizationError } from '@/lib/errors'
import { membershipsOf } from './memberships'
import { acceptInvitationAsInvitee, findInvitation, issueInvitation } from './invitations'
import { addMemberRole, listMembers, removeMember, removeMemberRole } from './members'
import {
  inviteStaffMember,
  pendingStaffInvitations,
  resendStaffInvitation,
} from './staff-invitations'

async function rolesOf(userId: string, establishmentId: string) {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.establishmentId, establishmentId)))
  return rows.map((r) => r.role).sort()
}

async function addRole(userId: string, establishmentId: string, role: Role) {
  await db.insert(memberships).values({ userId, establishmentId, role })
}

const actorOf = (user: { id: string }, establishmentId: string, roles: Role[]) => ({
  establishmentId,
  actorUserId: user.id,
  actorRoles: roles,
})

describe('members management', () => {
  it('adds and takes away a role, audited, and a main teacher losing the role leaves this school’s classes only', async () => {
    const school = await createEstablishment(db)
    const other = await createEstablishment(db)
    const head = await createMember(db, school.id, 'head')
    const teacher = await createMember(db, school.id, 'tutor')
    await addRole(teacher.id, other.id, 'main_teacher')
    const year = await createSchoolYear(db, school.id)
    const otherYear = await createSchoolYear(db, other.id)
    const here = await createClass(db, { establishmentId: school.id, schoolYearId: year.id })
    const there = await createClass(db, {
      establishmentId: other.id,
      schoolYearId: otherYear.id,
      mainTeacherUserIds: [teacher.id],
    })

    await db.transaction((tx) =>
      addMemberRole(tx, {
        ...actorOf(head, school.id, ['head']),
        userId: teacher.id,
        role: 'main_teacher',
      }),
    )
    await db.insert(classMainTeachers).values({ classId: here.id, userId: teacher.id })
    expect(await rolesOf(teacher.id, school.id)).toEqual(['main_teacher', 'tutor'].sort())
    await expect(
      db.transaction((tx) =>
        addMemberRole(tx, {
          ...actorOf(head, school.id, ['head']),
          userId: teacher.id,
          role: 'main_teacher',
        }),
      ),
    ).rejects.toThrow(/déjà le rôle/)

    await db.transaction((tx) =>
      removeMemberRole(tx, {
        ...actorOf(head, school.id, ['head']),
        userId: teacher.id,
        role: 'main_teacher',
      }),
    )
    expect(await rolesOf(teacher.id, school.id)).toEqual(['tutor'])
    const classesLeft = await db
      .select({ classId: classMainTeachers.classId })
      .from(classMainTeachers)
      .where(eq(classMainTeachers.userId, teacher.id))
    expect(classesLeft.map((c) => c.classId)).toEqual([there.id])

    await expect(
      db.transaction((tx) =>
        removeMemberRole(tx, {
          ...actorOf(head, school.id, ['head']),
          userId: teacher.id,
          role: 'tutor',
        }),
      ),
    ).rejects.toThrow(/seul rôle/)

    const audit = await db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, teacher.id), eq(auditLog.establishmentId, school.id)))
      .orderBy(auditLog.id)
    expect(audit).toEqual([
      { action: 'member.role_added', after: { roles: ['tutor', 'main_teacher'] } },
      { action: 'member.role_removed', after: { roles: ['tutor'] } },
    ])
  })

  it('removing someone deletes their roles and classes here and every one of their sessions, and keeps their roles elsewhere', async () => {
    const school = await createEstablishment(db)
    const other = await createEstablishment(db)
    const admin = await createMember(db, school.id, 'admin')
    const person = await createMember(db, school.id, 'main_teacher')
    await addRole(person.id, school.id, 'reviewer')
    await addRole(person.id, other.id, 'coordinator')
    const year = await createSchoolYear(db, school.id)
    await createClass(db, {
      establishmentId: school.id,
      schoolYearId: year.id,
      mainTeacherUserIds: [person.id],
    })
    await createDatabaseSession(db, { userId: person.id, activeEstablishmentId: school.id })
    await createDatabaseSession(db, { userId: person.id, activeEstablishmentId: other.id })
    const bystander = await createDatabaseSession(db, { userId: admin.id })
    const waiting = await db.transaction((tx) =>
      issueInvitation(tx, {
        establishmentId: school.id,
        email: person.email,
        role: 'coordinator',
        invitedByUserId: admin.id,
      }),
    )

    const result = await db.transaction((tx) =>
      removeMember(tx, { ...actorOf(admin, school.id, ['admin']), userId: person.id }),
    )
    expect(result).toEqual({ sessionsEnded: 2 })
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([])
    expect(
      await db.select().from(sessions).where(eq(sessions.sessionToken, bystander.sessionToken)),
    ).toHaveLength(1)
    expect(await rolesOf(person.id, school.id)).toEqual([])
    expect(await rolesOf(person.id, other.id)).toEqual(['coordinator'])
    expect(
      await db.select().from(classMainTeachers).where(eq(classMainTeachers.userId, person.id)),
    ).toEqual([])
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'member.removed')))
    expect(entry!.before).toEqual({ email: person.email, roles: ['reviewer', 'main_teacher'] })
    expect(entry!.actorUserId).toBe(admin.id)
    // The link still waiting in their mailbox no longer brings them back.
    expect(await findInvitation(db, waiting.token)).toEqual({ ok: false, problem: 'revoked' })
  })

  it('keeps a head: the last head cannot be removed nor lose the role, and the last admin cannot remove themselves', async () => {
    const school = await createEstablishment(db)
    const head = await createMember(db, school.id, 'head')
    const admin = await createMember(db, school.id, 'admin')
    await addRole(head.id, school.id, 'coordinator')

    await expect(
      db.transaction((tx) =>
        removeMember(tx, { ...actorOf(admin, school.id, ['admin']), userId: head.id }),
      ),
    ).rejects.toThrow(/dernière personne à la direction/)
    await expect(
      db.transaction((tx) =>
        removeMemberRole(tx, {
          ...actorOf(head, school.id, ['head', 'coordinator']),
          userId: head.id,
          role: 'head',
        }),
      ),
    ).rejects.toThrow(/Vous êtes la dernière personne à la direction/)
    await expect(
      db.transaction((tx) =>
        removeMember(tx, { ...actorOf(admin, school.id, ['admin']), userId: admin.id }),
      ),
    ).rejects.toThrow(/dernière personne à l’administration/)
    expect(await rolesOf(head.id, school.id)).toEqual(['coordinator', 'head'])
    expect(await rolesOf(admin.id, school.id)).toEqual(['admin'])

    // With a second head, the first may step down.
    const second = await createMember(db, school.id, 'head')
    await db.transaction((tx) =>
      removeMemberRole(tx, {
        ...actorOf(head, school.id, ['head', 'coordinator']),
        userId: head.id,
        role: 'head',
      }),
    )
    expect(await rolesOf(head.id, school.id)).toEqual(['coordinator'])
    // …and the head may remove the administrator.
    await db.transaction((tx) =>
      removeMember(tx, { ...actorOf(second, school.id, ['head']), userId: admin.id }),
    )
    expect(await rolesOf(admin.id, school.id)).toEqual([])
  })

  it('a head of one establishment cannot touch another’s members, even a person in both', async () => {
    const a = await createEstablishment(db)
    const b = await createEstablishment(db)
    const headA = await createMember(db, a.id, 'head')
    await createMember(db, b.id, 'head')
    const both = await createMember(db, a.id, 'reviewer')
    await addRole(both.id, b.id, 'coordinator')
    const onlyB = await createMember(db, b.id, 'tutor')

    // The action clients give the head of A the context of A only: B is refused outright…
    const viewerA = {
      user: { id: headA.id, email: headA.email, name: null },
      memberships: await membershipsOf(db, headA.id),
    }
    expect(() => staffContextOf({ ...viewerA, establishmentId: b.id }, 'members.manage')).toThrow(
      AuthorizationError,
    )
    const context = staffContextOf({ ...viewerA, establishmentId: a.id }, 'members.manage')
    expect(context.establishmentId).toBe(a.id)

    // …and with A's context, B's people are not members: nothing happens to them.
    const asHeadOfA = actorOf(headA, context.establishmentId, context.roles)
    await expect(
      db.transaction((tx) => removeMember(tx, { ...asHeadOfA, userId: onlyB.id })),
    ).rejects.toThrow(/pas membre/)
    await expect(
      db.transaction((tx) =>
        addMemberRole(tx, { ...asHeadOfA, userId: onlyB.id, role: 'reviewer' }),
      ),
    ).rejects.toThrow(/pas membre/)
    await expect(
      db.transaction((tx) =>
        removeMemberRole(tx, { ...asHeadOfA, userId: both.id, role: 'coordinator' }),
      ),
    ).rejects.toThrow(/pas le rôle/)
    expect(await rolesOf(onlyB.id, b.id)).toEqual(['tutor'])
    expect(await rolesOf(both.id, b.id)).toEqual(['coordinator'])

    // Removing the person in both from A leaves their coordination of B.
    await db.transaction((tx) => removeMember(tx, { ...asHeadOfA, userId: both.id }))
    expect(await rolesOf(both.id, a.id)).toEqual([])
    expect(await rolesOf(both.id, b.id)).toEqual(['coordinator'])
  })

  it('refuses members management to a main teacher, a reviewer and the other staff roles', async () => {
    const school = await createEstablishment(db)
    for (const role of [
      'main_teacher',
      'reviewer',
      'coordinator',
      'tutor',
      'staff',
      'student',
    ] as const) {
      const person = await createMember(db, school.id, role)
      const viewer = {
        user: { id: person.id, email: person.email, name: null },
        memberships: await membershipsOf(db, person.id),
        establishmentId: school.id,
      }
      expect(() => staffContextOf(viewer, 'members.manage'), role).toThrow(AuthorizationError)
    }
  })

  it('lists staff with all their roles, searchable, without pupils', async () => {
    const school = await createEstablishment(db)
    const head = await createMember(db, school.id, 'head')
    await addRole(head.id, school.id, 'admin')
    await createMember(db, school.id, 'student')
    const zoe = await createUser(db, { name: 'Zoé Recherchée' })
    await addRole(zoe.id, school.id, 'reviewer')
    const all = await listMembers(db, school.id)
    expect(all.total).toBe(2)
    expect(all.rows.find((r) => r.userId === head.id)?.roles.sort()).toEqual(['admin', 'head'])
    const found = await listMembers(db, school.id, { q: 'recherch' })
    expect(found.rows.map((r) => r.userId)).toEqual([zoe.id])
    expect((await listMembers(db, school.id, { q: '100%_' })).rows).toEqual([])
  })
})

describe('staff invitations', () => {
  async function school(options: { emailDomains?: string[] } = {}) {
    const establishment = await createEstablishment(db)
    if (options.emailDomains)
      await db
        .update(establishments)
        .set({ emailDomains: options.emailDomains })
        .where(eq(establishments.id, establishment.id))
    const head = await createMember(db, establishment.id, 'head')
    const inviter = {
      establishmentId: establishment.id,
      userId: head.id,
      name: 'Mme Durand',
      roles: ['head'] as Role[],
    }
    return { establishment, head, inviter }
  }

  it('invites a main teacher for this year’s classes only, flags an address outside the school’s domains, and accepting signs a new person in', async () => {
    const { establishment, inviter } = await school({ emailDomains: ['ac-toulouse.fr'] })
    const today = new Date('2026-11-15T10:00:00Z')
    const old = await createSchoolYear(db, establishment.id, {
      label: '2025-2026',
      startsOn: '2025-09-01',
      endsOn: '2026-07-04',
    })
    const current = await createSchoolYear(db, establishment.id)
    const oldClass = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: old.id,
    })
    const thisYear = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: current.id,
    })
    const email = `pp-${Date.now()}@gmail.example`

    await expect(
      db.transaction((tx) =>
        inviteStaffMember(tx, {
          ...inviter,
          email,
          role: 'main_teacher',
          classIds: [oldClass.id],
          now: today,
        }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { classIds: [expect.stringMatching(/année scolaire en cours/)] },
    })

    const sent = await db.transaction((tx) =>
      inviteStaffMember(tx, {
        ...inviter,
        email,
        role: 'main_teacher',
        classIds: [thisYear.id],
        now: today,
      }),
    )
    expect(sent.outsideEmailDomains).toBe(true)
    const pending = await pendingStaffInvitations(db, establishment.id)
    expect(pending.map((p) => [p.email, p.classNames])).toEqual([[email, [thisYear.name]]])

    // Resending makes a new link and kills the old one.
    const { invitationId } = await db.transaction((tx) =>
      resendStaffInvitation(tx, { ...inviter, invitationId: sent.invitationId }),
    )
    expect(invitationId).not.toBe(sent.invitationId)
    expect((await pendingStaffInvitations(db, establishment.id)).map((p) => p.id)).toEqual([
      invitationId,
    ])
  })

  it('accepting signed out creates the account once, opens a session in the school, and the link then says it was used', async () => {
    const { establishment, inviter } = await school()
    const email = `coord-${Date.now()}@test.example`
    const existing = await createUser(db, { email })
    await db.transaction((tx) =>
      inviteStaffMember(tx, {
        ...inviter,
        email: email.toUpperCase(),
        role: 'coordinator',
        classIds: [],
      }),
    )
    const [mail] = await db
      .execute<{ text: string }>(
        // The newest invitation email to this address.
        `select text from email_outbox where to_address = '${email}' order by created_at desc limit 1`,
      )
      .then((r) => r.rows)
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!

    const accepted = await acceptInvitationAsInvitee(db, { token })
    expect(accepted.userId).toBe(existing.id)
    expect(accepted.role).toBe('coordinator')
    const [session] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.sessionToken, accepted.session.sessionToken))
    expect(session!.userId).toBe(existing.id)
    expect(session!.activeEstablishmentId).toBe(establishment.id)
    expect(await rolesOf(existing.id, establishment.id)).toEqual(['coordinator'])
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1)

    await expect(acceptInvitationAsInvitee(db, { token })).rejects.toThrow(/déjà été utilisée/)
    expect(await findInvitation(db, token)).toEqual({ ok: false, problem: 'used' })
    expect(await db.select().from(sessions).where(eq(sessions.userId, existing.id))).toHaveLength(1)
  })

  it('stops resending to one address after five invitations in a day', async () => {
    const { inviter } = await school()
    const email = `relances-${Date.now()}@test.example`
    let { invitationId } = await db.transaction((tx) =>
      inviteStaffMember(tx, { ...inviter, email, role: 'tutor', classIds: [] }),
    )
    for (let i = 0; i < 4; i++)
      ({ invitationId } = await db.transaction((tx) =>
        resendStaffInvitation(tx, { ...inviter, invitationId }),
      ))
    await expect(
      db.transaction((tx) => resendStaffInvitation(tx, { ...inviter, invitationId })),
    ).rejects.toThrow(/Déjà 5 invitations envoyées à cette adresse/)
    // The refused resend left the last link working.
    expect((await pendingStaffInvitations(db, inviter.establishmentId)).map((p) => p.id)).toEqual([
      invitationId,
    ])
  })

  it('refuses inviting someone to a role they already hold here, and a head invited by someone who is neither head nor admin', async () => {
    const { establishment, inviter } = await school()
    const reviewer = await createMember(db, establishment.id, 'reviewer')
    await expect(
      db.transaction((tx) =>
        inviteStaffMember(tx, {
          ...inviter,
          email: reviewer.email,
          role: 'reviewer',
          classIds: [],
        }),
      ),
    ).rejects.toMatchObject({ fieldErrors: { email: [expect.stringMatching(/déjà le rôle/)] } })
    await expect(
      db.transaction((tx) =>
        inviteStaffMember(tx, {
          ...inviter,
          roles: ['coordinator'],
          email: 'nouvelle-direction@test.example',
          role: 'head',
          classIds: [],
        }),
      ),
    ).rejects.toThrow(/direction et l’administration/)
  })
})

import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  auditLog,
  classMainTeachers,
  emailOutbox,
  invitations,
  memberships,
  students,
} from '@/db/schema'
import { createEstablishment, createMember, createUser } from '@/db/test/factories'
import { createClass, createSchoolYear, createStudent } from '@/db/test/school'
import { UserFacingError } from '@/lib/errors'
import {
  acceptInvitation,
  findInvitation,
  issueInvitation,
  issueStudentInvitations,
  revokeInvitation,
} from './invitations'

const DAY = 24 * 3600_000

async function setup() {
  const establishment = await createEstablishment(db)
  const head = await createMember(db, establishment.id, 'head')
  return { establishment, head }
}

function tokenFromOutbox(text: string) {
  return /\/invitation\/([A-Za-z0-9_-]{43})/.exec(text)?.[1]
}

describe('invitations', () => {
  it('emails a link whose token is stored hashed, and accepting it creates the membership and the main teacher’s classes once', async () => {
    const { establishment, head } = await setup()
    const year = await createSchoolYear(db, establishment.id)
    const schoolClass = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
    })
    const teacher = await createUser(db)
    const { id, token } = await db.transaction((tx) =>
      issueInvitation(tx, {
        establishmentId: establishment.id,
        email: teacher.email.toUpperCase(),
        role: 'main_teacher',
        classIds: [schoolClass.id],
        invitedByUserId: head.id,
        invitedByName: 'Mme Durand',
      }),
    )
    const [row] = await db.select().from(invitations).where(eq(invitations.id, id))
    expect(row!.tokenHash).not.toContain(token)
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, teacher.email), eq(emailOutbox.template, 'invitation')))
    expect(tokenFromOutbox(mail!.text)).toBe(token)
    expect(mail!.text).toContain('Professeur principal')

    const opened = await findInvitation(db, token)
    expect(opened.ok && opened.invitation.establishmentName).toBe(establishment.name)

    await acceptInvitation(db, { token, userId: teacher.id, userEmail: teacher.email })
    const roles = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, teacher.id))
    expect(roles).toEqual([{ role: 'main_teacher' }])
    const own = await db
      .select()
      .from(classMainTeachers)
      .where(eq(classMainTeachers.userId, teacher.id))
    expect(own.map((c) => c.classId)).toEqual([schoolClass.id])

    await expect(
      acceptInvitation(db, { token, userId: teacher.id, userEmail: teacher.email }),
    ).rejects.toThrow(/déjà été utilisée/)
    expect(await findInvitation(db, token)).toEqual({ ok: false, problem: 'used' })
  })

  it('refuses an expired link, a revoked one, one replaced by a newer invitation, and another person’s', async () => {
    const { establishment, head } = await setup()
    const invite = (email: string, now?: Date) =>
      db.transaction((tx) =>
        issueInvitation(tx, {
          establishmentId: establishment.id,
          email,
          role: 'reviewer',
          invitedByUserId: head.id,
          now,
        }),
      )
    const person = await createUser(db)
    const old = await invite(person.email, new Date(Date.now() - 15 * DAY))
    await expect(
      acceptInvitation(db, { token: old.token, userId: person.id, userEmail: person.email }),
    ).rejects.toThrow(/expiré/)

    const first = await invite(person.email)
    const second = await invite(person.email)
    expect(await findInvitation(db, first.token)).toEqual({ ok: false, problem: 'revoked' })

    const stranger = await createUser(db)
    await expect(
      acceptInvitation(db, {
        token: second.token,
        userId: stranger.id,
        userEmail: stranger.email,
      }),
    ).rejects.toBeInstanceOf(UserFacingError)

    expect(
      await db.transaction((tx) =>
        revokeInvitation(tx, {
          id: second.id,
          establishmentId: establishment.id,
          actorUserId: head.id,
        }),
      ),
    ).toBe(true)
    await expect(
      acceptInvitation(db, { token: second.token, userId: person.id, userEmail: person.email }),
    ).rejects.toThrow(/retirée/)
    expect(
      await db.select().from(memberships).where(eq(memberships.userId, person.id)),
    ).toHaveLength(0)
  })

  it('links a student’s account to their record, and not another establishment’s revocation', async () => {
    const { establishment, head } = await setup()
    const other = await createEstablishment(db)
    const account = await createUser(db)
    const student = await createStudent(db, {
      establishmentId: establishment.id,
      email: account.email,
    })
    const { id, token } = await db.transaction((tx) =>
      issueInvitation(tx, {
        establishmentId: establishment.id,
        email: account.email,
        role: 'student',
        studentId: student.id,
        invitedByUserId: head.id,
      }),
    )
    expect(
      await db.transaction((tx) =>
        revokeInvitation(tx, { id, establishmentId: other.id, actorUserId: head.id }),
      ),
    ).toBe(false)
    await acceptInvitation(db, { token, userId: account.id, userEmail: account.email })
    const [linked] = await db.select().from(students).where(eq(students.id, student.id))
    expect(linked!.userId).toBe(account.id)
  })
})

describe('students’ invitations, a batch at a time', () => {
  it('writes one working link per student, replaces a pending one, and records each in the log', async () => {
    const { establishment, head } = await setup()
    const accounts = await Promise.all([createUser(db), createUser(db)])
    const pupils = await Promise.all(
      accounts.map((a) =>
        createStudent(db, { establishmentId: establishment.id, email: a.email.toUpperCase() }),
      ),
    )
    const earlier = await db.transaction((tx) =>
      issueInvitation(tx, {
        establishmentId: establishment.id,
        email: accounts[0]!.email,
        role: 'student',
        studentId: pupils[0]!.id,
        invitedByUserId: head.id,
      }),
    )
    const count = await db.transaction((tx) =>
      issueStudentInvitations(tx, {
        establishmentId: establishment.id,
        students: pupils.map((p) => ({ id: p.id, email: p.email! })),
        invitedByUserId: head.id,
        invitedByName: 'Mme Durand',
      }),
    )
    expect(count).toBe(2)
    expect(await findInvitation(db, earlier.token)).toEqual({ ok: false, problem: 'revoked' })
    for (const [i, account] of accounts.entries()) {
      const mails = await db
        .select()
        .from(emailOutbox)
        .where(
          and(eq(emailOutbox.toAddress, account.email), eq(emailOutbox.template, 'invitation')),
        )
      const token = tokenFromOutbox(mails.at(-1)!.text)!
      expect(mails.at(-1)!.text).toContain('Mme Durand')
      await acceptInvitation(db, { token, userId: account.id, userEmail: account.email })
      const [linked] = await db.select().from(students).where(eq(students.id, pupils[i]!.id))
      expect(linked!.userId).toBe(account.id)
    }
    const logged = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.establishmentId, establishment.id), eq(auditLog.action, 'invitation.sent')),
      )
    expect(logged).toHaveLength(3)
  })
})

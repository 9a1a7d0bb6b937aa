import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { invitations, schoolYears } from '@/db/schema'
import { createEstablishment, createMember, createUser } from '@/db/test/factories'
import { createClass, createSchoolYear, createStudent } from '@/db/test/school'
import { UserFacingError } from '@/lib/errors'
import { inviteClassStudents } from './class-invitations'
import { classesOfYear, createClass as createClassFor, updateClassSettings } from './classes'
import { currentSchoolYear } from './school-years'
import { studentsOfYear } from './students'
import { inviteStudents } from './student-import/imports'

async function setup() {
  const establishment = await createEstablishment(db)
  const head = await createMember(db, establishment.id, 'head')
  const year = await createSchoolYear(db, establishment.id)
  const actor = { establishmentId: establishment.id, actorUserId: head.id }
  return { establishment, head, year, actor }
}

const settings = (classId: string, overrides: Record<string, unknown> = {}) => ({
  classId,
  name: '3e B',
  level: '3e',
  programmeId: null,
  internshipsEnabled: true,
  mainTeacherUserIds: [] as string[],
  periods: [] as { label: string | null; startsOn: string; endsOn: string }[],
  ...overrides,
})

describe('classes', () => {
  it('creates the current school year once, from 1 September to early July', async () => {
    const { establishment } = await setup()
    const now = new Date('2027-03-10T10:00:00Z')
    const first = await currentSchoolYear(db, establishment.id, now)
    const again = await currentSchoolYear(db, establishment.id, now)
    expect(again.id).toBe(first.id)
    expect(first).toMatchObject({
      label: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2027-07-04',
    })
    const years = await db
      .select()
      .from(schoolYears)
      .where(eq(schoolYears.establishmentId, establishment.id))
    expect(years).toHaveLength(1)
  })

  it('refuses a second class of the same name in a year, in French', async () => {
    const { year, actor } = await setup()
    await db.transaction((tx) =>
      createClassFor(tx, actor, {
        schoolYearId: year.id,
        name: '3e A',
        level: '3e',
        programmeId: null,
      }),
    )
    await expect(
      db.transaction((tx) =>
        createClassFor(tx, actor, {
          schoolYearId: year.id,
          name: '3e A',
          level: null,
          programmeId: null,
        }),
      ),
    ).rejects.toThrow('Une classe porte déjà ce nom cette année.')
  })

  it('names main teachers among members with that role only, and saves periods inside the year', async () => {
    const { establishment, year, actor } = await setup()
    const schoolClass = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
    })
    const teacher = await createMember(db, establishment.id, 'main_teacher')
    const tutor = await createMember(db, establishment.id, 'tutor')
    await expect(
      db.transaction((tx) =>
        updateClassSettings(
          tx,
          actor,
          settings(schoolClass.id, { mainTeacherUserIds: [tutor.id] }),
        ),
      ),
    ).rejects.toThrow(/rôle de professeur principal/)
    const outside = db.transaction((tx) =>
      updateClassSettings(
        tx,
        actor,
        settings(schoolClass.id, {
          periods: [{ label: null, startsOn: '2027-07-01', endsOn: '2027-07-09' }],
        }),
      ),
    )
    await expect(outside).rejects.toBeInstanceOf(UserFacingError)
    await expect(outside).rejects.toMatchObject({
      fieldErrors: {
        'periods.0.startsOn': [expect.stringMatching(/comprise dans l’année scolaire/)],
      },
    })

    await db.transaction((tx) =>
      updateClassSettings(
        tx,
        actor,
        settings(schoolClass.id, {
          mainTeacherUserIds: [teacher.id],
          periods: [{ label: 'Stage d’observation', startsOn: '2026-12-07', endsOn: '2026-12-11' }],
        }),
      ),
    )
    const [saved] = await classesOfYear(db, { establishmentId: establishment.id }, year.id)
    expect(saved).toMatchObject({
      name: '3e B',
      internshipsEnabled: true,
      mainTeachers: [{ userId: teacher.id }],
      periods: [{ label: 'Stage d’observation', startsOn: '2026-12-07', endsOn: '2026-12-11' }],
    })
  })

  it('counts students and linked accounts; a main teacher sees only their classes', async () => {
    const { establishment, year } = await setup()
    const teacher = await createMember(db, establishment.id, 'main_teacher')
    const own = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
      name: '3e A',
      mainTeacherUserIds: [teacher.id],
    })
    await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
      name: '3e B',
    })
    const user = await createUser(db)
    await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: own,
      userId: user.id,
    })
    await createStudent(db, { establishmentId: establishment.id, schoolClass: own })
    await createStudent(db, { establishmentId: establishment.id, schoolClass: own, email: null })

    const all = await classesOfYear(db, { establishmentId: establishment.id }, year.id)
    expect(all.map((c) => [c.name, c.students, c.accounts, c.invitable])).toEqual([
      ['3e A', 3, 1, 1],
      ['3e B', 0, 0, 0],
    ])
    const mine = await classesOfYear(
      db,
      { establishmentId: establishment.id, mainTeacherUserId: teacher.id },
      year.id,
    )
    expect(mine.map((c) => c.name)).toEqual(['3e A'])
  })

  it('invites a class’s students once; a main teacher cannot invite another class', async () => {
    const { establishment, year } = await setup()
    const teacher = await createMember(db, establishment.id, 'main_teacher')
    const own = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
      mainTeacherUserIds: [teacher.id],
    })
    const other = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
    })
    await createStudent(db, { establishmentId: establishment.id, schoolClass: own })
    await createStudent(db, { establishmentId: establishment.id, schoolClass: own, email: null })
    await createStudent(db, { establishmentId: establishment.id, schoolClass: other })
    const actor = { establishmentId: establishment.id, actorUserId: teacher.id }
    const scope = { establishmentId: establishment.id, mainTeacherUserId: teacher.id }

    expect(await inviteClassStudents(db, actor, scope, own.id)).toBe(1)
    expect(await inviteClassStudents(db, actor, scope, own.id)).toBe(0)
    await expect(inviteClassStudents(db, actor, scope, other.id)).rejects.toThrow(
      'Classe introuvable.',
    )
    const elsewhere = await setup()
    await expect(
      inviteClassStudents(
        db,
        elsewhere.actor,
        { establishmentId: elsewhere.establishment.id },
        own.id,
      ),
    ).rejects.toThrow('Classe introuvable.')
    const sent = await db
      .select()
      .from(invitations)
      .where(
        and(eq(invitations.establishmentId, establishment.id), eq(invitations.role, 'student')),
      )
    expect(sent).toHaveLength(1)
  })
})

describe('students of a year', () => {
  it('lists a class’s students by name with their account status; a main teacher sees only theirs', async () => {
    const { establishment, year, actor } = await setup()
    const teacher = await createMember(db, establishment.id, 'main_teacher')
    const own = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
      mainTeacherUserIds: [teacher.id],
    })
    const other = await createClass(db, {
      establishmentId: establishment.id,
      schoolYearId: year.id,
    })
    const user = await createUser(db)
    await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: own,
      lastName: 'Bernard',
      userId: user.id,
    })
    const invited = await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: own,
      lastName: 'Alaoui',
    })
    await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: own,
      lastName: 'Cohen',
      email: null,
    })
    await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: other,
      lastName: 'Durand',
    })
    await inviteStudents(db, actor, [invited.id])

    const all = await studentsOfYear(db, { establishmentId: establishment.id }, year.id)
    expect(all.total).toBe(4)
    expect(all.rows.map((r) => [r.lastName, r.account])).toEqual([
      ['Alaoui', 'invited'],
      ['Bernard', 'active'],
      ['Cohen', 'no-email'],
      ['Durand', 'not-invited'],
    ])
    const mine = await studentsOfYear(
      db,
      { establishmentId: establishment.id, mainTeacherUserId: teacher.id },
      year.id,
    )
    expect(mine.rows.map((r) => r.lastName)).toEqual(['Alaoui', 'Bernard', 'Cohen'])
    const found = await studentsOfYear(db, { establishmentId: establishment.id }, year.id, {
      q: 'ohe',
    })
    expect(found.rows.map((r) => r.lastName)).toEqual(['Cohen'])
    const elsewhere = await setup()
    expect(
      (await studentsOfYear(db, { establishmentId: elsewhere.establishment.id }, year.id)).total,
    ).toBe(0)
  })
})

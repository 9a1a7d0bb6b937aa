import { randomUUID } from 'node:crypto'
import type { Executor } from '../index'
import {
  classMainTeachers,
  classes,
  enrolments,
  parentalConsents,
  schoolYears,
  students,
} from '../schema'

const unique = () => randomUUID().slice(0, 8)

// Factories for the school's people (classes, students, consent), one call each, unique names.

export async function createSchoolYear(
  db: Executor,
  establishmentId: string,
  options: { label?: string; startsOn?: string; endsOn?: string } = {},
) {
  const [row] = await db
    .insert(schoolYears)
    .values({
      establishmentId,
      label: options.label ?? '2026-2027',
      startsOn: options.startsOn ?? '2026-09-01',
      endsOn: options.endsOn ?? '2027-07-04',
    })
    .returning()
  return row!
}

export async function createClass(
  db: Executor,
  params: {
    establishmentId: string
    schoolYearId: string
    name?: string
    level?: string
    internshipsEnabled?: boolean
    mainTeacherUserIds?: string[]
  },
) {
  const [row] = await db
    .insert(classes)
    .values({
      establishmentId: params.establishmentId,
      schoolYearId: params.schoolYearId,
      name: params.name ?? `3e ${unique()}`,
      level: params.level ?? '3e',
      internshipsEnabled: params.internshipsEnabled ?? true,
    })
    .returning()
  for (const userId of params.mainTeacherUserIds ?? [])
    await db.insert(classMainTeachers).values({ classId: row!.id, userId })
  return row!
}

export async function createStudent(
  db: Executor,
  params: {
    establishmentId: string
    /** Enrols the student in this class (for the class's school year). */
    schoolClass?: { id: string; schoolYearId: string }
    firstName?: string
    lastName?: string
    birthDate?: string | null
    email?: string | null
    ine?: string | null
    userId?: string | null
    guardianEmail?: string | null
  },
) {
  const suffix = unique()
  const [row] = await db
    .insert(students)
    .values({
      establishmentId: params.establishmentId,
      firstName: params.firstName ?? 'Élève',
      lastName: params.lastName ?? `Test ${suffix}`,
      birthDate: params.birthDate === undefined ? '2012-03-14' : params.birthDate,
      email: params.email === undefined ? `eleve-${suffix}@test.example` : params.email,
      ine: params.ine ?? null,
      userId: params.userId ?? null,
      guardianEmail:
        params.guardianEmail === undefined ? `parent-${suffix}@test.example` : params.guardianEmail,
    })
    .returning()
  if (params.schoolClass)
    await db.insert(enrolments).values({
      studentId: row!.id,
      schoolYearId: params.schoolClass.schoolYearId,
      classId: params.schoolClass.id,
    })
  return row!
}

/** Records a consent in force, as a main teacher uploading the signed form would. */
export async function grantConsent(
  db: Executor,
  studentId: string,
  options: { recordedByUserId?: string | null; grantedAt?: Date } = {},
) {
  const [row] = await db
    .insert(parentalConsents)
    .values({
      studentId,
      method: 'upload',
      documentName: 'autorisation.pdf',
      grantedAt: options.grantedAt ?? new Date(),
      recordedByUserId: options.recordedByUserId ?? null,
    })
    .returning()
  return row!
}

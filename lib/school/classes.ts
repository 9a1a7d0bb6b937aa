import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  classMainTeachers,
  classes,
  enrolments,
  internshipPeriods,
  invitations,
  memberships,
  programmes,
  schoolYears,
  students,
  users,
} from '@/db/schema'
import type { Actor } from '@/lib/auth/actor'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { classScopeCondition, type SchoolScope } from './class-scope'
import { periodProblems, type PeriodInput } from './internship-periods'
import type { ClassInput, ClassSettingsInput } from './class-schemas'

// Classes and cohorts of a school year: who teaches them as main teacher, whether (and when)
// they do internships, and how many of their students have an account.

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { code?: string }).code === '23505' ||
    (error as { cause?: { code?: string } }).cause?.code === '23505')

const nameTaken = (name: string) =>
  new UserFacingError('Une classe porte déjà ce nom cette année.', {
    name: [`La classe « ${name} » existe déjà pour cette année scolaire.`],
  })

export type ClassSummary = Awaited<ReturnType<typeof classesOfYear>>[number]

/** The classes of a school year the person may see, with their counts, teachers and periods. */
export async function classesOfYear(db: Executor, scope: SchoolScope, schoolYearId: string) {
  const rows = await db
    .select({
      id: classes.id,
      name: classes.name,
      level: classes.level,
      programmeId: classes.programmeId,
      programmeName: programmes.name,
      internshipsEnabled: classes.internshipsEnabled,
      students:
        sql<number>`(select count(*) from ${enrolments} where ${enrolments.classId} = ${classes.id})`.mapWith(
          Number,
        ),
      accounts:
        sql<number>`(select count(*) from ${enrolments} join ${students} on ${students.id} = ${enrolments.studentId} where ${enrolments.classId} = ${classes.id} and ${students.userId} is not null)`.mapWith(
          Number,
        ),
      invitable:
        sql<number>`(select count(*) from ${enrolments} join ${students} on ${students.id} = ${enrolments.studentId} where ${enrolments.classId} = ${classes.id} and ${students.userId} is null and ${students.email} is not null and not exists (select 1 from ${invitations} where ${invitations.studentId} = ${students.id} and ${invitations.acceptedAt} is null and ${invitations.revokedAt} is null and ${invitations.expiresAt} > now()))`.mapWith(
          Number,
        ),
    })
    .from(classes)
    .leftJoin(programmes, eq(programmes.id, classes.programmeId))
    .where(and(classScopeCondition(scope), eq(classes.schoolYearId, schoolYearId)))
    .orderBy(sql`${classes.level} nulls last`, asc(classes.name))
  const ids = rows.map((r) => r.id)
  const [teachers, periods] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              classId: classMainTeachers.classId,
              userId: users.id,
              name: users.name,
              email: users.email,
            })
            .from(classMainTeachers)
            .innerJoin(users, eq(users.id, classMainTeachers.userId))
            .where(inArray(classMainTeachers.classId, ids))
            .orderBy(asc(users.name), asc(users.email)),
          db
            .select()
            .from(internshipPeriods)
            .where(inArray(internshipPeriods.classId, ids))
            .orderBy(asc(internshipPeriods.startsOn)),
        ])
  return rows.map((row) => ({
    ...row,
    mainTeachers: teachers.filter((t) => t.classId === row.id),
    periods: periods.filter((p) => p.classId === row.id),
  }))
}

/** Members holding the main teacher role, who may be named main teacher of a class. */
export async function mainTeacherCandidates(db: Executor, establishmentId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.establishmentId, establishmentId), eq(memberships.role, 'main_teacher')),
    )
    .orderBy(asc(users.name), asc(users.email))
}

async function classOf(tx: Executor, actor: Actor, classId: string) {
  const [row] = await tx
    .select({ schoolClass: classes, year: schoolYears })
    .from(classes)
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .where(and(eq(classes.id, classId), eq(classes.establishmentId, actor.establishmentId)))
  if (!row) throw new UserFacingError('Classe introuvable.')
  return row
}

async function checkProgramme(tx: Executor, actor: Actor, programmeId: string | null) {
  if (!programmeId) return
  const [programme] = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(
      and(eq(programmes.id, programmeId), eq(programmes.establishmentId, actor.establishmentId)),
    )
  if (!programme)
    throw new UserFacingError('Formation introuvable.', { programmeId: ['Formation introuvable.'] })
}

export async function createClass(tx: Executor, actor: Actor, input: ClassInput) {
  const [year] = await tx
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(
      and(
        eq(schoolYears.id, input.schoolYearId),
        eq(schoolYears.establishmentId, actor.establishmentId),
      ),
    )
  if (!year) throw new UserFacingError('Année scolaire introuvable.')
  await checkProgramme(tx, actor, input.programmeId)
  try {
    const [row] = await tx
      .insert(classes)
      .values({
        establishmentId: actor.establishmentId,
        schoolYearId: year.id,
        name: input.name,
        level: input.level,
        programmeId: input.programmeId,
      })
      .returning()
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'class.created',
      subjectType: 'class',
      subjectId: row!.id,
      after: { name: input.name, level: input.level, programmeId: input.programmeId },
    })
    return row!
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name)
    throw error
  }
}

/**
 * Saves a class's settings: name, level, programme, main teachers (members with that role
 * only), whether it does internships and their periods (checked against the school year).
 */
export async function updateClassSettings(tx: Executor, actor: Actor, input: ClassSettingsInput) {
  const { schoolClass, year } = await classOf(tx, actor, input.classId)
  await checkProgramme(tx, actor, input.programmeId)
  const periods: PeriodInput[] = input.internshipsEnabled ? input.periods : []
  const problems = periodProblems(periods, year)
  if (problems.size > 0)
    throw new UserFacingError(
      'Certaines périodes de stage sont à corriger.',
      Object.fromEntries([...problems].map(([i, message]) => [`periods.${i}.startsOn`, [message]])),
    )
  const teacherIds = [...new Set(input.mainTeacherUserIds)]
  if (teacherIds.length > 0) {
    const allowed = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.establishmentId, actor.establishmentId),
          eq(memberships.role, 'main_teacher'),
          inArray(memberships.userId, teacherIds),
        ),
      )
    if (allowed.length !== teacherIds.length)
      throw new UserFacingError('Choisissez des membres ayant le rôle de professeur principal.', {
        mainTeacherUserIds: ['Choisissez des membres ayant le rôle de professeur principal.'],
      })
  }
  try {
    await tx
      .update(classes)
      .set({
        name: input.name,
        level: input.level,
        programmeId: input.programmeId,
        internshipsEnabled: input.internshipsEnabled,
      })
      .where(
        and(eq(classes.id, schoolClass.id), eq(classes.establishmentId, actor.establishmentId)),
      )
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name)
    throw error
  }
  await tx.delete(classMainTeachers).where(eq(classMainTeachers.classId, schoolClass.id))
  if (teacherIds.length > 0)
    await tx
      .insert(classMainTeachers)
      .values(teacherIds.map((userId) => ({ classId: schoolClass.id, userId })))
  await tx.delete(internshipPeriods).where(eq(internshipPeriods.classId, schoolClass.id))
  if (periods.length > 0)
    await tx.insert(internshipPeriods).values(
      periods.map((p) => ({
        classId: schoolClass.id,
        label: p.label || null,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
      })),
    )
  await recordAudit(tx, {
    establishmentId: actor.establishmentId,
    actorUserId: actor.actorUserId,
    action: 'class.updated',
    subjectType: 'class',
    subjectId: schoolClass.id,
    before: {
      name: schoolClass.name,
      level: schoolClass.level,
      programmeId: schoolClass.programmeId,
      internshipsEnabled: schoolClass.internshipsEnabled,
    },
    after: {
      name: input.name,
      level: input.level,
      programmeId: input.programmeId,
      internshipsEnabled: input.internshipsEnabled,
      mainTeacherUserIds: teacherIds,
      periods,
    },
  })
}

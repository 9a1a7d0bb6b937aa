import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '@/db'
import { classMainTeachers, classes, enrolments, students, type Student } from '@/db/schema'
import type { Permission } from '@/lib/auth/permissions'

/**
 * Which classes and students a member of staff may see and act on: the whole establishment
 * ('students.view-all': head, admin, internship coordinator, other staff), or only the
 * classes they are main teacher of. Every query of lib/school puts it in its WHERE, so a
 * main teacher of 3e A finds nothing of 3e B, whatever the URL says.
 */
export type SchoolScope = { establishmentId: string; mainTeacherUserId?: string }

export function schoolScopeOf(context: {
  establishmentId: string
  user: { id: string }
  may: (permission: Permission) => boolean
}): SchoolScope {
  return context.may('students.view-all')
    ? { establishmentId: context.establishmentId }
    : { establishmentId: context.establishmentId, mainTeacherUserId: context.user.id }
}

/** The condition on `classes` for this scope. */
export function classScopeCondition(scope: SchoolScope): SQL {
  const inEstablishment = eq(classes.establishmentId, scope.establishmentId)
  if (!scope.mainTeacherUserId) return inEstablishment
  return and(
    inEstablishment,
    sql`exists (select 1 from ${classMainTeachers} where ${classMainTeachers.classId} = ${classes.id} and ${classMainTeachers.userId} = ${scope.mainTeacherUserId})`,
  )!
}

/** The condition on `students` for this scope (a main teacher: enrolled in one of their classes). */
export function studentScopeCondition(scope: SchoolScope): SQL {
  const inEstablishment = eq(students.establishmentId, scope.establishmentId)
  if (!scope.mainTeacherUserId) return inEstablishment
  return and(
    inEstablishment,
    sql`exists (select 1 from ${enrolments} join ${classMainTeachers} on ${classMainTeachers.classId} = ${enrolments.classId} where ${enrolments.studentId} = ${students.id} and ${classMainTeachers.userId} = ${scope.mainTeacherUserId})`,
  )!
}

/** A student the scope reaches, locked when asked; null for unknown and out-of-scope alike. */
export async function studentInScope(
  db: Executor,
  scope: SchoolScope,
  studentId: string,
  options: { lock?: boolean } = {},
): Promise<Student | null> {
  const query = db
    .select()
    .from(students)
    .where(and(eq(students.id, studentId), studentScopeCondition(scope)))
  const [row] = options.lock ? await query.for('update', { of: students }) : await query
  return row ?? null
}

/** Whether a member of staff sees any class at all (every one, or their own as main teacher). */
export const maySeeClasses = (context: { may: (permission: Permission) => boolean }) =>
  context.may('students.view-all') || context.may('students.view-own')

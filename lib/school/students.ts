import { and, asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { classes, enrolments, invitations, students } from '@/db/schema'
import { classScopeCondition, type SchoolScope } from './class-scope'

// The students of a school year as staff list them: by class, searchable by name, with where
// each stands with their account.

export const STUDENTS_PAGE_SIZE = 50

export type AccountStatus = 'active' | 'invited' | 'not-invited' | 'no-email'

export const accountStatusLabels: Record<AccountStatus, string> = {
  active: 'Compte activé',
  invited: 'Invitation envoyée',
  'not-invited': 'Pas encore invité',
  'no-email': 'Pas d’adresse e-mail',
}

export type StudentFilters = { classId?: string | null; q?: string; page?: number }

export async function studentsOfYear(
  db: Executor,
  scope: SchoolScope,
  schoolYearId: string,
  filters: StudentFilters = {},
  now: Date = new Date(),
) {
  const page = Math.max(1, filters.page ?? 1)
  const search = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const where = and(
    classScopeCondition(scope),
    eq(enrolments.schoolYearId, schoolYearId),
    eq(students.establishmentId, scope.establishmentId),
    filters.classId ? eq(classes.id, filters.classId) : undefined,
    search
      ? or(
          ilike(students.lastName, search),
          ilike(students.firstName, search),
          ilike(students.ine, search),
          ilike(students.email, search),
        )
      : undefined,
  )
  const pending = sql<boolean>`exists (select 1 from ${invitations} where ${invitations.studentId} = ${students.id} and ${invitations.acceptedAt} is null and ${invitations.revokedAt} is null and ${invitations.expiresAt} > ${now})`
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: students.id,
        firstName: students.firstName,
        lastName: students.lastName,
        birthDate: students.birthDate,
        ine: students.ine,
        email: students.email,
        hasAccount: sql<boolean>`${students.userId} is not null`,
        invited: pending,
        classId: classes.id,
        className: classes.name,
      })
      .from(enrolments)
      .innerJoin(students, eq(students.id, enrolments.studentId))
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .where(where)
      .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
      .limit(STUDENTS_PAGE_SIZE)
      .offset((page - 1) * STUDENTS_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(enrolments)
      .innerJoin(students, eq(students.id, enrolments.studentId))
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .where(where),
  ])
  return {
    page,
    total: total?.n ?? 0,
    rows: rows.map(({ hasAccount, invited, ...row }) => ({
      ...row,
      account: (hasAccount
        ? 'active'
        : invited
          ? 'invited'
          : row.email
            ? 'not-invited'
            : 'no-email') satisfies AccountStatus as AccountStatus,
    })),
  }
}

import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  classMainTeachers,
  classes,
  enrolments,
  establishments,
  internshipPeriods,
  parentalConsents,
  schoolYears,
  students,
  users,
  type ParentalConsent,
  type Student,
} from '@/db/schema'
import { AuthorizationError, UserFacingError } from '@/lib/errors'
import { toParisDate } from '@/lib/paris-time'
import { isMinor, mayUseStudentFeatures } from './consent-status'

// The gate on the platform's student features (seed 004: "Sans autorisation parentale, les
// élèves ne peuvent accéder à la plateforme"). Every student page (requireStudent) and every
// student action (studentAction) asks studentAccessOf on each request, so a consent withdrawn
// at 10:00 closes the features at 10:00, whatever sessions are open.

export type StudentAccess = {
  student: Student
  establishmentName: string
  /** This school year's class (the latest one when no year covers today). */
  schoolClass: { id: string; name: string; schoolYearLabel: string } | null
  mainTeachers: string[]
  minor: boolean
  consent: ParentalConsent | null
  /** The gate: an adult, or a minor with a consent in force. */
  allowed: boolean
}

export const consentRequiredMessage =
  'Votre professeur principal doit d’abord recevoir l’autorisation parentale de votre représentant légal : les services élèves s’ouvriront dès qu’elle sera enregistrée.'

/** Refusal of a student action to a minor without consent (a French message, like the others). */
export class ConsentRequiredError extends UserFacingError {
  constructor() {
    super(consentRequiredMessage)
    this.name = 'ConsentRequiredError'
  }
}

/** The signed-in person's student record in this establishment, and whether the gate opens. */
export async function studentAccessOf(
  db: Executor,
  params: { userId: string; establishmentId: string | null; now?: Date },
): Promise<StudentAccess | null> {
  if (!params.establishmentId) return null
  const now = params.now ?? new Date()
  const [row] = await db
    .select({ student: students, establishmentName: establishments.name })
    .from(students)
    .innerJoin(establishments, eq(establishments.id, students.establishmentId))
    .where(
      and(eq(students.userId, params.userId), eq(students.establishmentId, params.establishmentId)),
    )
    .limit(1)
  if (!row) return null
  const today = toParisDate(now)
  const [[consent], [enrolment]] = await Promise.all([
    db
      .select()
      .from(parentalConsents)
      .where(
        and(eq(parentalConsents.studentId, row.student.id), isNull(parentalConsents.withdrawnAt)),
      ),
    db
      .select({ id: classes.id, name: classes.name, schoolYearLabel: schoolYears.label })
      .from(enrolments)
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .innerJoin(schoolYears, eq(schoolYears.id, enrolments.schoolYearId))
      .where(eq(enrolments.studentId, row.student.id))
      // This year's class first, else the most recent.
      .orderBy(
        sql`(${schoolYears.startsOn} <= ${today} and ${schoolYears.endsOn} >= ${today}) desc`,
        desc(schoolYears.startsOn),
      )
      .limit(1),
  ])
  const mainTeachers = enrolment
    ? await db
        .select({ name: users.name, email: users.email })
        .from(classMainTeachers)
        .innerJoin(users, eq(users.id, classMainTeachers.userId))
        .where(eq(classMainTeachers.classId, enrolment.id))
    : []
  const minor = isMinor(row.student.birthDate, now)
  return {
    student: row.student,
    establishmentName: row.establishmentName,
    schoolClass: enrolment ?? null,
    mainTeachers: mainTeachers.map((t) => t.name ?? t.email),
    minor,
    consent: consent ?? null,
    allowed: mayUseStudentFeatures({ minor, inForce: Boolean(consent) }),
  }
}

/**
 * The context of a student action: throws AuthorizationError without a session or a student
 * record here, ConsentRequiredError for a minor without consent.
 */
export async function studentContextOf(
  db: Executor,
  person: { user: { id: string }; establishmentId: string | null } | null,
  now: Date = new Date(),
): Promise<StudentAccess> {
  if (!person) throw new AuthorizationError('signed-out')
  const access = await studentAccessOf(db, {
    userId: person.user.id,
    establishmentId: person.establishmentId,
    now,
  })
  if (!access) throw new AuthorizationError('forbidden')
  if (!access.allowed) throw new ConsentRequiredError()
  return access
}

/** The internship periods of the student's class, in order (the student's page). */
export async function internshipPeriodsOfClass(db: Executor, classId: string) {
  return db
    .select()
    .from(internshipPeriods)
    .where(eq(internshipPeriods.classId, classId))
    .orderBy(asc(internshipPeriods.startsOn))
}

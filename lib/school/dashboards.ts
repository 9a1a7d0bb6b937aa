import { and, asc, desc, eq, gte, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { classes, enrolments, schoolYears, students } from '@/db/schema'
import { toParisDate } from '@/lib/paris-time'
import { classScopeCondition, type SchoolScope } from './class-scope'
import { consentStatus, type ConsentStatus } from './consent-status'

// What the staff dashboards and the class view count: every figure comes from one SQL query
// per view (grouped by class, or one row per student), never a query per class.

/** A minor on `today` (a Paris date), in SQL; an unknown birth date counts as a minor. */
const minorOn = (today: string) =>
  sql<boolean>`(${students.birthDate} is null or ${students.birthDate} > (${today}::date - interval '18 years'))`

const consentInForceOf = sql`(select pc.id from parental_consents pc where pc.student_id = ${students.id} and pc.withdrawn_at is null)`

/** Classes of the current and coming school years (those still running on `today`). */
const currentYears = (today: string) => gte(schoolYears.endsOn, today)

export type ClassProgress = {
  id: string
  name: string
  level: string | null
  schoolYearLabel: string
  internshipsEnabled: boolean
  students: number
  accounts: number
  minors: number
  minorsWithoutConsent: number
  /** Account linked, and an adult or a minor with consent: may use the student features. */
  ready: number
}

/** Every class the scope reaches, with its counts: one grouped query. */
export async function classProgress(
  db: Executor,
  scope: SchoolScope,
  now: Date = new Date(),
): Promise<ClassProgress[]> {
  const today = toParisDate(now)
  const minor = minorOn(today)
  const hasConsent = sql`${consentInForceOf} is not null`
  const rows = await db
    .select({
      id: classes.id,
      name: classes.name,
      level: classes.level,
      schoolYearLabel: schoolYears.label,
      internshipsEnabled: classes.internshipsEnabled,
      students: sql<number>`count(${students.id})::int`,
      accounts: sql<number>`count(${students.userId})::int`,
      minors: sql<number>`(count(${students.id}) filter (where ${minor}))::int`,
      minorsWithoutConsent: sql<number>`(count(${students.id}) filter (where ${minor} and not ${hasConsent}))::int`,
      ready: sql<number>`(count(${students.id}) filter (where ${students.userId} is not null and (not ${minor} or ${hasConsent})))::int`,
    })
    .from(classes)
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .leftJoin(enrolments, eq(enrolments.classId, classes.id))
    .leftJoin(students, eq(students.id, enrolments.studentId))
    .where(and(classScopeCondition(scope), currentYears(today)))
    .groupBy(classes.id, schoolYears.id)
    .orderBy(desc(schoolYears.startsOn), asc(classes.level), asc(classes.name))
  return rows
}

/** Totals over classes, for the head's summary line. */
export function totalsOf(rows: readonly ClassProgress[]) {
  const sum = (key: 'students' | 'accounts' | 'minors' | 'minorsWithoutConsent' | 'ready') =>
    rows.reduce((total, row) => total + row[key], 0)
  return {
    classes: rows.length,
    students: sum('students'),
    accounts: sum('accounts'),
    minors: sum('minors'),
    minorsWithoutConsent: sum('minorsWithoutConsent'),
    ready: sum('ready'),
  }
}

/** "% ready", rounded down: 29 of 30 is 96 %, never 100 % while one is missing. */
export const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.floor((part / whole) * 100)

export type StudentSituation = {
  id: string
  classId: string
  className: string
  firstName: string
  lastName: string
  birthDate: string | null
  guardianEmail: string | null
  guardianName: string | null
  minor: boolean
  accountLinked: boolean
  invitationPending: boolean
  consent: ConsentStatus
  /** The consent in force: how and when it was given, and whether a signed form is stored. */
  consentInForce: {
    id: string
    method: 'upload' | 'link'
    grantedAt: Date
    hasForm: boolean
  } | null
  /** The link out, when one is. */
  openRequest: { sentAt: Date; guardianEmail: string; remindersSent: number } | null
  /** Access to the student features (the gate), given an account. */
  mayUseStudentFeatures: boolean
}

type JsonConsent = { id: string; method: 'upload' | 'link'; grantedAt: string; hasForm: boolean }
type JsonRequest = { sentAt: string; guardianEmail: string; remindersSent: number }

/**
 * Each student of the scope's classes (or of one class) with their situation: account,
 * invitation, consent. One query; a class of 30 or a main teacher's three classes alike.
 */
export async function studentSituations(
  db: Executor,
  scope: SchoolScope,
  options: { classId?: string; now?: Date } = {},
): Promise<StudentSituation[]> {
  const now = options.now ?? new Date()
  const today = toParisDate(now)
  const nowIso = now.toISOString()
  const rows = await db
    .select({
      id: students.id,
      classId: classes.id,
      className: classes.name,
      firstName: students.firstName,
      lastName: students.lastName,
      birthDate: students.birthDate,
      guardianEmail: students.guardianEmail,
      guardianName: students.guardianName,
      userId: students.userId,
      minor: minorOn(today),
      invitationPending: sql<boolean>`exists (select 1 from invitations i where i.student_id = ${students.id} and i.accepted_at is null and i.revoked_at is null and i.expires_at > ${nowIso}::timestamptz)`,
      consentInForce: sql<JsonConsent | null>`(select json_build_object('id', pc.id, 'method', pc.method, 'grantedAt', pc.granted_at, 'hasForm', pc.document_key is not null) from parental_consents pc where pc.student_id = ${students.id} and pc.withdrawn_at is null)`,
      openRequest: sql<JsonRequest | null>`(select json_build_object('sentAt', cr.created_at, 'guardianEmail', cr.guardian_email, 'remindersSent', cr.reminders_sent) from consent_requests cr where cr.student_id = ${students.id} and cr.completed_at is null and cr.revoked_at is null and cr.expires_at > ${nowIso}::timestamptz order by cr.created_at desc limit 1)`,
      withdrawn: sql<boolean>`exists (select 1 from parental_consents pc where pc.student_id = ${students.id} and pc.withdrawn_at is not null)`,
    })
    .from(students)
    .innerJoin(enrolments, eq(enrolments.studentId, students.id))
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .where(
      and(
        classScopeCondition(scope),
        eq(students.establishmentId, scope.establishmentId),
        options.classId ? eq(classes.id, options.classId) : currentYears(today),
      ),
    )
    .orderBy(asc(classes.name), asc(students.lastName), asc(students.firstName))
  return rows.map((row) => {
    const inForce = row.consentInForce
    const request = row.openRequest
    const status = consentStatus({
      minor: row.minor,
      inForce: Boolean(inForce),
      openRequest: Boolean(request),
      withdrawn: row.withdrawn,
    })
    return {
      id: row.id,
      classId: row.classId,
      className: row.className,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      guardianEmail: row.guardianEmail,
      guardianName: row.guardianName,
      minor: row.minor,
      accountLinked: Boolean(row.userId),
      invitationPending: row.invitationPending,
      consent: status,
      consentInForce: inForce ? { ...inForce, grantedAt: new Date(inForce.grantedAt) } : null,
      openRequest: request ? { ...request, sentAt: new Date(request.sentAt) } : null,
      mayUseStudentFeatures: !row.minor || Boolean(inForce),
    }
  })
}

/** One class the scope reaches (the class view's header), or null: 404 for the others. */
export async function classInScope(db: Executor, scope: SchoolScope, classId: string) {
  const [row] = await db
    .select({
      id: classes.id,
      name: classes.name,
      level: classes.level,
      internshipsEnabled: classes.internshipsEnabled,
      schoolYearLabel: schoolYears.label,
    })
    .from(classes)
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .where(and(eq(classes.id, classId), classScopeCondition(scope)))
  return row ?? null
}

/** The class view's counts, from its rows. */
export function rosterCounts(rows: readonly StudentSituation[]) {
  const count = (test: (row: StudentSituation) => boolean) => rows.filter(test).length
  return {
    students: rows.length,
    accounts: count((r) => r.accountLinked),
    minors: count((r) => r.minor),
    unknownBirthDates: count((r) => !r.birthDate),
    inForce: count((r) => r.consent === 'in_force'),
    requested: count((r) => r.consent === 'requested'),
    missing: count((r) => r.consent === 'missing' || r.consent === 'withdrawn'),
    ready: count((r) => r.accountLinked && r.mayUseStudentFeatures),
  }
}

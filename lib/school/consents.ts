import { createHash } from 'node:crypto'
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  classes,
  consentRequests,
  enrolments,
  establishments,
  parentalConsents,
  schoolYears,
  students,
  type Student,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { generateLinkToken } from '@/lib/auth/link-tokens'
import { appUrl } from '@/lib/config/app-url'
import { UserFacingError } from '@/lib/errors'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { toParisDate } from '@/lib/paris-time'
import { storage } from '@/lib/storage'
import { inspectUpload, storedFileKey } from '@/lib/storage/document-file'
import { studentInScope, type SchoolScope } from './class-scope'
import { CONSENT_FORM_MAX_BYTES, consentFormFormats } from './consent-schemas'
import { isMinor } from './consent-status'

// Parental consent, on the staff's side: the main teacher (or the head, an admin) records the
// signed form, or emails the legal representative a link; they remind and withdraw. Each
// write is one transaction with its audit entry and its email; the student row is locked
// first, so two clicks (or two colleagues) cannot record two consents or two live links.

export const CONSENT_LINK_TTL_DAYS = 30
const DAY_MS = 24 * 3600_000

export const consentUrl = (token: string) => `${appUrl()}/consentement/${token}`

export type ConsentActor = { scope: SchoolScope; userId: string; name?: string | null }

const studentNotFound = () => new UserFacingError('Élève introuvable.')

/** The student's consent in force, if any. */
export async function consentInForce(tx: Executor, studentId: string) {
  const [row] = await tx
    .select()
    .from(parentalConsents)
    .where(and(eq(parentalConsents.studentId, studentId), isNull(parentalConsents.withdrawnAt)))
  return row ?? null
}

/** Revokes every request link of the student still out (a consent was recorded or withdrawn). */
export async function revokeOpenRequests(tx: Executor, studentId: string, now: Date) {
  return tx
    .update(consentRequests)
    .set({ revokedAt: now })
    .where(
      and(
        eq(consentRequests.studentId, studentId),
        isNull(consentRequests.completedAt),
        isNull(consentRequests.revokedAt),
      ),
    )
    .returning({ id: consentRequests.id })
}

/** What the emails say about a student: their name, class and establishment. */
export async function studentLetterhead(tx: Executor, student: Student) {
  const [establishment] = await tx
    .select({ name: establishments.name })
    .from(establishments)
    .where(eq(establishments.id, student.establishmentId))
  const [enrolment] = await tx
    .select({ className: classes.name })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(schoolYears, eq(schoolYears.id, enrolments.schoolYearId))
    .where(eq(enrolments.studentId, student.id))
    .orderBy(desc(schoolYears.startsOn))
    .limit(1)
  return {
    studentName: `${student.firstName} ${student.lastName}`,
    establishmentName: establishment?.name ?? '',
    className: enrolment?.className ?? null,
  }
}

async function lockMinorWithoutConsent(
  tx: Executor,
  actor: ConsentActor,
  studentId: string,
  now: Date,
): Promise<Student> {
  const student = await studentInScope(tx, actor.scope, studentId, { lock: true })
  if (!student) throw studentNotFound()
  if (!isMinor(student.birthDate, now))
    throw new UserFacingError('Cet élève est majeur : aucune autorisation parentale n’est requise.')
  if (await consentInForce(tx, student.id))
    throw new UserFacingError('Une autorisation parentale est déjà en vigueur pour cet élève.')
  return student
}

/**
 * Emails the legal representative a link to confirm (30 days, this student only). The address
 * given becomes the student's representative address; earlier links stop working.
 */
export async function sendConsentLink(
  db: Database,
  params: {
    actor: ConsentActor
    studentId: string
    guardianEmail: string
    guardianName?: string | null
    now?: Date
  },
): Promise<{ requestId: string; token: string }> {
  const now = params.now ?? new Date()
  const email = params.guardianEmail.trim().toLowerCase()
  return db.transaction(async (tx) => {
    const student = await lockMinorWithoutConsent(tx, params.actor, params.studentId, now)
    await revokeOpenRequests(tx, student.id, now)
    const guardianName = params.guardianName?.trim() || student.guardianName
    if (email !== student.guardianEmail?.toLowerCase() || guardianName !== student.guardianName)
      await tx
        .update(students)
        .set({ guardianEmail: email, guardianName, updatedAt: now })
        .where(eq(students.id, student.id))
    const { token, hash } = generateLinkToken()
    const expiresAt = new Date(now.getTime() + CONSENT_LINK_TTL_DAYS * DAY_MS)
    const [request] = await tx
      .insert(consentRequests)
      .values({
        studentId: student.id,
        guardianEmail: email,
        guardianName,
        tokenHash: hash,
        expiresAt,
        sentByUserId: params.actor.userId,
        createdAt: now,
      })
      .returning({ id: consentRequests.id })
    const letterhead = await studentLetterhead(tx, student)
    await enqueueEmail(tx, {
      template: 'consent-request',
      to: email,
      establishmentId: student.establishmentId,
      props: {
        ...letterhead,
        sentBy: params.actor.name ?? null,
        url: consentUrl(token),
        expiresOn: formatDate(expiresAt),
        reminder: false,
      },
    })
    await recordAudit(tx, {
      establishmentId: student.establishmentId,
      actorUserId: params.actor.userId,
      action: 'consent.requested',
      subjectType: 'student',
      subjectId: student.id,
      after: { guardianEmail: email, expiresAt: expiresAt.toISOString() },
    })
    return { requestId: request!.id, token }
  })
}

/** The student's request link still out (not answered, revoked or expired), locked. */
async function openRequestOf(tx: Executor, studentId: string, now: Date) {
  const [request] = await tx
    .select()
    .from(consentRequests)
    .where(
      and(
        eq(consentRequests.studentId, studentId),
        isNull(consentRequests.completedAt),
        isNull(consentRequests.revokedAt),
        gt(consentRequests.expiresAt, now),
      ),
    )
    .orderBy(desc(consentRequests.createdAt))
    .limit(1)
    .for('update')
  return request ?? null
}

/**
 * The main teacher's "Relancer": the representative gets the request again, with a fresh link
 * (only the hash of the first one is kept, so it cannot be sent twice; the older link stops
 * working). At most one a day, whatever the clicks: the outbox's key decides. It does not
 * count among the three automatic reminders, but postpones the next one by a week.
 */
export async function remindConsentLink(
  db: Database,
  params: { actor: ConsentActor; studentId: string; now?: Date },
): Promise<void> {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const student = await lockMinorWithoutConsent(tx, params.actor, params.studentId, now)
    const request = await openRequestOf(tx, student.id, now)
    if (!request)
      throw new UserFacingError(
        'Aucune demande en cours pour cet élève (expirée ou retirée) : envoyez un nouveau lien.',
      )
    const { token, hash } = generateLinkToken()
    const queued = await enqueueEmail(tx, {
      template: 'consent-request',
      to: request.guardianEmail,
      establishmentId: student.establishmentId,
      dedupeKey: `consent-reminder:${request.id}:manual:${toParisDate(now)}`,
      props: {
        ...(await studentLetterhead(tx, student)),
        sentBy: params.actor.name ?? null,
        url: consentUrl(token),
        expiresOn: formatDate(request.expiresAt),
        reminder: true,
      },
    })
    if (!queued)
      throw new UserFacingError(
        'Une relance a déjà été envoyée aujourd’hui pour cet élève : réessayez demain.',
      )
    await tx
      .update(consentRequests)
      .set({ tokenHash: hash, lastRemindedAt: now })
      .where(eq(consentRequests.id, request.id))
    await recordAudit(tx, {
      establishmentId: student.establishmentId,
      actorUserId: params.actor.userId,
      action: 'consent.reminded',
      subjectType: 'student',
      subjectId: student.id,
      after: { guardianEmail: request.guardianEmail },
    })
  })
}

/**
 * Records the signed paper form: checked from its bytes (PDF, JPEG or PNG, 10 Mo at most),
 * stored under a generated key, and the consent is in force at once. Links still out are
 * revoked (the representative has answered on paper).
 */
export async function recordUploadedConsent(
  db: Database,
  params: {
    actor: ConsentActor
    studentId: string
    bytes: Uint8Array
    originalName: string
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
) {
  const now = params.now ?? new Date()
  const inspected = await inspectUpload(params.bytes, {
    allowed: consentFormFormats,
    maxBytes: CONSENT_FORM_MAX_BYTES,
    originalName: params.originalName,
  })
  if (!inspected.ok) throw new UserFacingError(inspected.message, { file: [inspected.message] })
  let key: string | undefined
  return db
    .transaction(async (tx) => {
      const student = await lockMinorWithoutConsent(tx, params.actor, params.studentId, now)
      key = storedFileKey({
        establishmentId: student.establishmentId,
        ownerId: student.id,
        ext: inspected.extension,
      })
      await storage().put(key, params.bytes, inspected.mime)
      const [consent] = await tx
        .insert(parentalConsents)
        .values({
          studentId: student.id,
          method: 'upload',
          documentKey: key,
          documentName: inspected.displayName,
          grantedAt: now,
          recordedByUserId: params.actor.userId,
          createdAt: now,
        })
        .returning()
      await revokeOpenRequests(tx, student.id, now)
      await recordAudit(tx, {
        establishmentId: student.establishmentId,
        actorUserId: params.actor.userId,
        action: 'consent.recorded',
        subjectType: 'student',
        subjectId: student.id,
        after: {
          method: 'upload',
          file: inspected.displayName,
          size: inspected.size,
          sha256: createHash('sha256').update(params.bytes).digest('hex'),
        },
        ip: params.ip ?? null,
        userAgent: params.userAgent ?? null,
      })
      return consent!
    })
    .catch(async (error: unknown) => {
      if (key)
        await storage()
          .delete(key)
          .catch(() => undefined)
      throw error
    })
}

/** Withdraws the consent in force (staff); the student loses the student features at once. */
export async function withdrawConsent(
  db: Database,
  params: { actor: ConsentActor; studentId: string; now?: Date },
): Promise<void> {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const student = await studentInScope(tx, params.actor.scope, params.studentId, { lock: true })
    if (!student) throw studentNotFound()
    const withdrawn = await tx
      .update(parentalConsents)
      .set({ withdrawnAt: now, withdrawnByUserId: params.actor.userId })
      .where(and(eq(parentalConsents.studentId, student.id), isNull(parentalConsents.withdrawnAt)))
      .returning({ id: parentalConsents.id })
    if (withdrawn.length === 0)
      throw new UserFacingError('Aucune autorisation en vigueur à retirer pour cet élève.')
    await revokeOpenRequests(tx, student.id, now)
    await recordAudit(tx, {
      establishmentId: student.establishmentId,
      actorUserId: params.actor.userId,
      action: 'consent.withdrawn',
      subjectType: 'student',
      subjectId: student.id,
      after: { by: 'staff' },
    })
  })
}

/** The signed form of a consent, for staff who reach its student; null otherwise. */
export async function consentFormFor(db: Executor, scope: SchoolScope, consentId: string) {
  const [row] = await db
    .select({ consent: parentalConsents })
    .from(parentalConsents)
    .where(eq(parentalConsents.id, consentId))
  if (!row?.consent.documentKey) return null
  const student = await studentInScope(db, scope, row.consent.studentId)
  if (!student) return null
  return {
    key: row.consent.documentKey,
    name: row.consent.documentName ?? 'autorisation',
    studentId: student.id,
    establishmentId: student.establishmentId,
  }
}

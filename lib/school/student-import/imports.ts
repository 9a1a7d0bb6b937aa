import { randomUUID } from 'node:crypto'
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  classes,
  enrolments,
  invitations,
  schoolYears,
  studentImports,
  students,
  type StudentImport,
} from '@/db/schema'
import type { Actor } from '@/lib/auth/actor'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { toParisDate } from '@/lib/paris-time'
import { issueStudentInvitations } from '@/lib/people/invitations'
import type { ImportConfirmInput, ImportMappingInput } from '../class-schemas'
import type { SourceRow } from './csv'
import { guessMapping, type ColumnMapping } from './mapping'
import { readTable, type Table } from './read-table'
import { validateRows, type ImportRow, type RowError } from './rows'
import { classKey } from './values'

// A student list goes in two steps. Upload: the file is read, the mapping guessed, every row
// checked against the school's classes and students, and all of it kept in student_imports
// (nothing else is written). Confirm: the same rows, checked again inside one transaction,
// are applied all together or not at all. Re-importing the same list changes nothing:
// students are matched on their INE, else their email, else their name and birth date.

/** What student_imports.mapping holds: the file's headers and the person's choices. */
export type StoredMapping = {
  headers: string[]
  columns: ColumnMapping
  createMissingClasses: boolean
  format: Table['format']
  encoding: Table['encoding']
  separator: Table['separator']
  warnings: string[]
}

export type ImportCounts = {
  created: number
  updated: number
  unchanged: number
  errors: number
  invited?: number
}

/** What student_imports.summary holds: the preview's forecast, then the applied result. */
export type ImportSummary = ImportCounts & { missingClasses: string[] }

type Existing = {
  id: string
  ine: string | null
  email: string | null
  firstName: string
  lastName: string
  birthDate: string | null
  guardianName: string | null
  guardianEmail: string | null
  userId: string | null
  classId: string | null
}

type Update = { id: string; row: ImportRow; values: Partial<Existing> }

type Plan = {
  creates: ImportRow[]
  updates: Update[]
  /** Matched students whose record already says the same (their class may still change). */
  unchanged: number
  /** Students (new or matched) whose enrolment of the year must be set, by class name. */
  enrol: { studentId: string | null; row: ImportRow }[]
  matchedIds: Map<ImportRow, string>
  errors: RowError[]
  missingClasses: string[]
}

const identityOf = (r: { lastName: string; firstName: string; birthDate: string | null }) =>
  `${classKey(r.lastName)}|${classKey(r.firstName)}|${r.birthDate ?? ''}`

async function classesByKey(db: Executor, establishmentId: string, schoolYearId: string) {
  const rows = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(
      and(eq(classes.establishmentId, establishmentId), eq(classes.schoolYearId, schoolYearId)),
    )
  return new Map(rows.map((c) => [classKey(c.name), c]))
}

async function existingStudents(db: Executor, establishmentId: string, schoolYearId: string) {
  return db
    .select({
      id: students.id,
      ine: students.ine,
      email: students.email,
      firstName: students.firstName,
      lastName: students.lastName,
      birthDate: students.birthDate,
      guardianName: students.guardianName,
      guardianEmail: students.guardianEmail,
      userId: students.userId,
      classId: enrolments.classId,
    })
    .from(students)
    .leftJoin(
      enrolments,
      and(eq(enrolments.studentId, students.id), eq(enrolments.schoolYearId, schoolYearId)),
    )
    .where(eq(students.establishmentId, establishmentId))
}

/** Checks the rows and matches them with the school's students: what confirming would do. */
async function planImport(
  db: Executor,
  establishmentId: string,
  schoolYearId: string,
  source: readonly SourceRow[],
  mapping: Pick<StoredMapping, 'columns' | 'createMissingClasses'>,
  now: Date,
): Promise<Plan> {
  const [classMap, existing] = await Promise.all([
    classesByKey(db, establishmentId, schoolYearId),
    existingStudents(db, establishmentId, schoolYearId),
  ])
  const validation = validateRows(source, mapping.columns, {
    classes: classMap,
    createMissingClasses: mapping.createMissingClasses,
    today: toParisDate(now),
  })
  const byIne = new Map<string, Existing>()
  const byEmail = new Map<string, Existing>()
  const byIdentity = new Map<string, Existing>()
  for (const s of existing) {
    if (s.ine) byIne.set(s.ine, s)
    if (s.email) byEmail.set(s.email.toLowerCase(), s)
    if (!s.ine && !s.email) byIdentity.set(identityOf(s), s)
  }
  const errors = [...validation.errors]
  const refuse = (row: ImportRow, reason: string) =>
    errors.push({ line: row.line, name: `${row.firstName} ${row.lastName}`, reasons: [reason] })
  const plan: Plan = {
    creates: [],
    updates: [],
    unchanged: 0,
    enrol: [],
    matchedIds: new Map(),
    errors,
    missingClasses: validation.missingClasses,
  }
  const claimed = new Map<string, number>()
  for (const row of validation.rows) {
    const emailOwner = row.email ? byEmail.get(row.email) : undefined
    let match: Existing | undefined
    if (row.ine) match = byIne.get(row.ine)
    if (!match && emailOwner) {
      if (row.ine && emailOwner.ine && emailOwner.ine !== row.ine) {
        refuse(
          row,
          `Adresse e-mail « ${row.email} » déjà utilisée par un autre élève de l’établissement (${emailOwner.firstName} ${emailOwner.lastName}).`,
        )
        continue
      }
      match = emailOwner
    }
    if (!match && !row.ine && !row.email) match = byIdentity.get(identityOf(row))
    if (match && emailOwner && emailOwner.id !== match.id) {
      refuse(
        row,
        `Adresse e-mail « ${row.email} » déjà utilisée par un autre élève de l’établissement (${emailOwner.firstName} ${emailOwner.lastName}).`,
      )
      continue
    }
    if (match) {
      const first = claimed.get(match.id)
      if (first !== undefined) {
        refuse(row, `Même élève qu’à la ligne ${first} (même INE ou même adresse e-mail).`)
        continue
      }
      claimed.set(match.id, row.line)
      plan.matchedIds.set(row, match.id)
      const wanted: Partial<Existing> = {
        firstName: row.firstName,
        lastName: row.lastName,
        ...(row.ine ? { ine: row.ine } : {}),
        ...(row.email ? { email: row.email } : {}),
        ...(row.birthDate ? { birthDate: row.birthDate } : {}),
        ...(row.guardianName ? { guardianName: row.guardianName } : {}),
        ...(row.guardianEmail ? { guardianEmail: row.guardianEmail } : {}),
      }
      const values = Object.fromEntries(
        Object.entries(wanted).filter(
          ([key, value]) =>
            (key === 'email' ? match.email?.toLowerCase() : match[key as keyof Existing]) !== value,
        ),
      ) as Partial<Existing>
      const classId = classMap.get(classKey(row.className))?.id ?? null
      const moves = classId === null || match.classId !== classId
      if (Object.keys(values).length > 0 || moves) plan.updates.push({ id: match.id, row, values })
      else plan.unchanged++
      if (moves) plan.enrol.push({ studentId: match.id, row })
    } else {
      plan.creates.push(row)
      plan.enrol.push({ studentId: null, row })
    }
  }
  errors.sort((a, b) => a.line - b.line)
  return plan
}

const countsOf = (plan: Plan): ImportSummary => ({
  created: plan.creates.length,
  updated: plan.updates.length,
  unchanged: plan.unchanged,
  errors: plan.errors.length,
  missingClasses: plan.missingClasses,
})

/**
 * Reads an uploaded list and keeps its preview (mapping guessed from the headers). Nothing
 * but the student_imports row is written.
 */
export async function previewImport(
  db: Executor,
  actor: Actor,
  params: { fileName: string; bytes: Uint8Array; schoolYearId: string; now?: Date },
): Promise<StudentImport> {
  const now = params.now ?? new Date()
  const [year] = await db
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(
      and(
        eq(schoolYears.id, params.schoolYearId),
        eq(schoolYears.establishmentId, actor.establishmentId),
      ),
    )
  if (!year) throw new UserFacingError('Année scolaire introuvable.')
  const table = await readTable(params.bytes)
  const mapping: StoredMapping = {
    headers: table.headers,
    columns: guessMapping(table.headers),
    createMissingClasses: false,
    format: table.format,
    encoding: table.encoding,
    separator: table.separator,
    warnings: table.warnings,
  }
  const plan = await planImport(db, actor.establishmentId, year.id, table.rows, mapping, now)
  const [row] = await db
    .insert(studentImports)
    .values({
      establishmentId: actor.establishmentId,
      schoolYearId: year.id,
      uploadedByUserId: actor.actorUserId,
      fileName: params.fileName.slice(0, 200),
      mapping,
      rows: table.rows,
      errors: plan.errors,
      summary: countsOf(plan),
    })
    .returning()
  return row!
}

async function pendingImport(db: Executor, actor: Actor, importId: string, lock = false) {
  const query = db
    .select()
    .from(studentImports)
    .where(
      and(
        eq(studentImports.id, importId),
        eq(studentImports.establishmentId, actor.establishmentId),
      ),
    )
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw new UserFacingError('Import introuvable.')
  if (row.status === 'applied') throw new UserFacingError('Cet import a déjà été appliqué.')
  if (row.status === 'cancelled') throw new UserFacingError('Cet import a été abandonné.')
  return row
}

/** Changes the column mapping (or the creation of missing classes) and checks the rows again. */
export async function remapImport(
  db: Executor,
  actor: Actor,
  input: Omit<ImportMappingInput, 'importId'> & { importId: string },
  now: Date = new Date(),
) {
  const current = await pendingImport(db, actor, input.importId)
  const stored = current.mapping as StoredMapping
  const mapping: StoredMapping = {
    ...stored,
    columns: Object.fromEntries(
      Object.entries(input.columns).map(([field, index]) => [
        field,
        index !== null && index < stored.headers.length ? index : null,
      ]),
    ) as ColumnMapping,
    createMissingClasses: input.createMissingClasses,
  }
  const plan = await planImport(
    db,
    actor.establishmentId,
    current.schoolYearId,
    current.rows as SourceRow[],
    mapping,
    now,
  )
  await db
    .update(studentImports)
    .set({ mapping, errors: plan.errors, summary: countsOf(plan) })
    .where(
      and(
        eq(studentImports.id, current.id),
        eq(studentImports.establishmentId, actor.establishmentId),
      ),
    )
}

const CHUNK = 500

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

class StalePreview extends Error {}

/**
 * Applies a previewed import in one transaction: missing classes (when asked), new students,
 * updated ones, the year's enrolments, the summary, and the invitations when asked. If the
 * school's students or classes changed since the preview, nothing is applied and the
 * preview is brought up to date for the person to check again.
 */
export async function applyImport(
  db: Database,
  actor: Actor & { actorName?: string | null },
  input: ImportConfirmInput,
  now: Date = new Date(),
): Promise<ImportCounts> {
  try {
    return await db.transaction((tx) => applyInTransaction(tx, actor, input, now))
  } catch (error) {
    if (!(error instanceof StalePreview)) throw error
    const current = await pendingImport(db, actor, input.importId)
    const stored = current.mapping as StoredMapping
    await remapImport(db, actor, { importId: current.id, ...stored }, now)
    throw new UserFacingError(
      'Les classes ou les élèves de l’établissement ont changé depuis l’aperçu : vérifiez l’aperçu mis à jour, puis confirmez à nouveau.',
    )
  }
}

async function applyInTransaction(
  tx: Executor,
  actor: Actor & { actorName?: string | null },
  input: ImportConfirmInput,
  now: Date,
): Promise<ImportCounts> {
  const current = await pendingImport(tx, actor, input.importId, true)
  const mapping = current.mapping as StoredMapping
  const plan = await planImport(
    tx,
    actor.establishmentId,
    current.schoolYearId,
    current.rows as SourceRow[],
    mapping,
    now,
  )
  const previewed = current.summary as ImportSummary
  const counts = countsOf(plan)
  if (
    counts.errors !== previewed.errors ||
    counts.created !== previewed.created ||
    counts.updated !== previewed.updated
  )
    throw new StalePreview()
  if (plan.creates.length + plan.updates.length + plan.unchanged === 0)
    throw new UserFacingError(
      'Aucune ligne à importer : corrigez le fichier ou la correspondance des colonnes.',
    )

  // Classes named by valid rows that the school year does not have yet.
  const classMap = await classesByKey(tx, actor.establishmentId, current.schoolYearId)
  const wanted = new Map<string, string>()
  for (const { row } of plan.enrol)
    if (!classMap.has(classKey(row.className))) wanted.set(classKey(row.className), row.className)
  if (wanted.size > 0) {
    const created = await tx
      .insert(classes)
      .values(
        [...wanted.values()].map((name) => ({
          establishmentId: actor.establishmentId,
          schoolYearId: current.schoolYearId,
          name,
        })),
      )
      .returning({ id: classes.id, name: classes.name })
    for (const c of created) classMap.set(classKey(c.name), c)
  }

  const newIds = new Map<ImportRow, string>()
  for (const part of chunks(plan.creates)) {
    const values = part.map((row) => {
      const id = randomUUID()
      newIds.set(row, id)
      return {
        id,
        establishmentId: actor.establishmentId,
        ine: row.ine,
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        birthDate: row.birthDate,
        guardianName: row.guardianName,
        guardianEmail: row.guardianEmail,
      }
    })
    await tx.insert(students).values(values)
  }

  // One statement per chunk: each column keeps its value unless the row gives a new one.
  const changed = plan.updates.filter((u) => Object.keys(u.values).length > 0)
  for (const part of chunks(changed)) {
    const rows = part.map(
      (u) =>
        sql`(${u.id}::uuid, ${u.values.ine ?? null}, ${u.values.email ?? null}, ${u.values.firstName ?? null}, ${u.values.lastName ?? null}, ${u.values.birthDate ?? null}::date, ${u.values.guardianName ?? null}, ${u.values.guardianEmail ?? null})`,
    )
    await tx.execute(sql`
      update ${students} set
        ine = coalesce(v.ine, ${students.ine}),
        email = coalesce(v.email, ${students.email}),
        first_name = coalesce(v.first_name, ${students.firstName}),
        last_name = coalesce(v.last_name, ${students.lastName}),
        birth_date = coalesce(v.birth_date, ${students.birthDate}),
        guardian_name = coalesce(v.guardian_name, ${students.guardianName}),
        guardian_email = coalesce(v.guardian_email, ${students.guardianEmail}),
        updated_at = now()
      from (values ${sql.join(rows, sql`, `)})
        as v(id, ine, email, first_name, last_name, birth_date, guardian_name, guardian_email)
      where ${students.id} = v.id and ${students.establishmentId} = ${actor.establishmentId}`)
  }

  const enrolValues = plan.enrol.map(({ studentId, row }) => ({
    studentId: studentId ?? newIds.get(row)!,
    schoolYearId: current.schoolYearId,
    classId: classMap.get(classKey(row.className))!.id,
  }))
  for (const part of chunks(enrolValues))
    await tx
      .insert(enrolments)
      .values(part)
      .onConflictDoUpdate({
        target: [enrolments.studentId, enrolments.schoolYearId],
        set: { classId: sql`excluded.class_id`, updatedAt: now },
      })

  let invited: number | undefined
  if (input.sendInvitations) {
    const ids = [...newIds.values(), ...plan.matchedIds.values()]
    invited = await inviteStudents(tx, actor, ids, now)
  }
  const result: ImportCounts = {
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    errors: counts.errors,
    ...(invited !== undefined ? { invited } : {}),
  }
  await tx
    .update(studentImports)
    .set({
      status: 'applied',
      appliedAt: now,
      summary: { ...result, missingClasses: plan.missingClasses },
    })
    .where(eq(studentImports.id, current.id))
  await recordAudit(tx, {
    establishmentId: actor.establishmentId,
    actorUserId: actor.actorUserId,
    action: 'students.imported',
    subjectType: 'student_import',
    subjectId: current.id,
    after: { fileName: current.fileName, ...result, classesCreated: [...wanted.values()] },
  })
  return result
}

/**
 * Invites those of these students who have an email, no account and no invitation pending,
 * in the caller's transaction. Returns how many were invited.
 */
export async function inviteStudents(
  tx: Executor,
  actor: Actor & { actorName?: string | null },
  studentIds: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  let invited = 0
  for (const part of chunks(studentIds)) {
    const targets = await tx
      .select({ id: students.id, email: students.email })
      .from(students)
      .where(
        and(
          inArray(students.id, part),
          eq(students.establishmentId, actor.establishmentId),
          isNull(students.userId),
          sql`${students.email} is not null`,
          sql`not exists (select 1 from ${invitations} where ${invitations.studentId} = ${students.id} and ${invitations.acceptedAt} is null and ${invitations.revokedAt} is null and ${gt(invitations.expiresAt, now)})`,
        ),
      )
    invited += await issueStudentInvitations(tx, {
      establishmentId: actor.establishmentId,
      students: targets.map((t) => ({ id: t.id, email: t.email! })),
      invitedByUserId: actor.actorUserId,
      invitedByName: actor.actorName ?? null,
      now,
    })
  }
  return invited
}

/** An import of this establishment, for its preview or summary page. */
export async function importOf(db: Executor, establishmentId: string, importId: string) {
  const [row] = await db
    .select()
    .from(studentImports)
    .where(
      and(eq(studentImports.id, importId), eq(studentImports.establishmentId, establishmentId)),
    )
  return row ?? null
}

/** The latest imports, newest first, with their summaries. */
export async function recentImports(db: Executor, establishmentId: string, limit = 10) {
  return db
    .select({
      id: studentImports.id,
      fileName: studentImports.fileName,
      status: studentImports.status,
      summary: studentImports.summary,
      createdAt: studentImports.createdAt,
      appliedAt: studentImports.appliedAt,
      schoolYearLabel: schoolYears.label,
    })
    .from(studentImports)
    .innerJoin(schoolYears, eq(schoolYears.id, studentImports.schoolYearId))
    .where(eq(studentImports.establishmentId, establishmentId))
    .orderBy(desc(studentImports.createdAt))
    .limit(limit)
}

import { and, asc, eq } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { departments, programmes } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import type { ProgrammeFields } from './schemas'
import type { Actor } from '@/lib/auth/actor'

/** The establishment's programmes with their department, for choosing or editing one. */
export async function establishmentProgrammes(db: Executor, establishmentId: string) {
  return db
    .select({
      id: programmes.id,
      name: programmes.name,
      level: programmes.level,
      description: programmes.description,
      departmentName: departments.name,
    })
    .from(programmes)
    .leftJoin(departments, eq(departments.id, programmes.departmentId))
    .where(eq(programmes.establishmentId, establishmentId))
    .orderBy(asc(programmes.name))
}

export async function establishmentDepartments(db: Executor, establishmentId: string) {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.establishmentId, establishmentId))
    .orderBy(asc(departments.name))
}

/** The department of that name, created on first use; null for no department. */
export async function departmentNamed(tx: Executor, establishmentId: string, name: string) {
  if (!name) return null
  await tx.insert(departments).values({ establishmentId, name }).onConflictDoNothing()
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.establishmentId, establishmentId), eq(departments.name, name)))
  return row!.id
}

const duplicateProgramme = () =>
  new UserFacingError('Une formation porte déjà ce nom dans l’établissement.', {
    programmeName: [
      'Nom de la formation : une formation porte déjà ce nom ; choisissez-la dans la liste.',
    ],
  })

/** A new programme of the establishment; a programme of the same name is refused. */
export async function insertProgramme(
  tx: Executor,
  establishmentId: string,
  input: ProgrammeFields,
) {
  const [created] = await tx
    .insert(programmes)
    .values({
      establishmentId,
      departmentId: await departmentNamed(tx, establishmentId, input.departmentName),
      name: input.programmeName,
      level: input.programmeLevel || null,
      description: input.programmeDescription || null,
    })
    .onConflictDoNothing()
    .returning({ id: programmes.id })
  if (!created) throw duplicateProgramme()
  return created.id
}

/** Renames or re-describes a programme as the catalogue shows it. */
export async function updateProgramme(
  db: Database,
  actor: Actor,
  programmeId: string,
  input: ProgrammeFields,
) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(programmes)
      .where(
        and(eq(programmes.id, programmeId), eq(programmes.establishmentId, actor.establishmentId)),
      )
      .for('update')
    if (!before) throw new UserFacingError('Formation introuvable.')
    const [clash] = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(
        and(
          eq(programmes.establishmentId, actor.establishmentId),
          eq(programmes.name, input.programmeName),
        ),
      )
    if (clash && clash.id !== programmeId) throw duplicateProgramme()
    const after = {
      name: input.programmeName,
      level: input.programmeLevel || null,
      description: input.programmeDescription || null,
      departmentId: await departmentNamed(tx, actor.establishmentId, input.departmentName),
    }
    await tx
      .update(programmes)
      .set(after)
      .where(
        and(eq(programmes.id, programmeId), eq(programmes.establishmentId, actor.establishmentId)),
      )
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'programme.updated',
      subjectType: 'programme',
      subjectId: programmeId,
      before: { name: before.name, level: before.level, departmentId: before.departmentId },
      after: { name: after.name, level: after.level, departmentId: after.departmentId },
    })
  })
}

import { and, eq } from 'drizzle-orm'
import type { Database } from '@/db'
import { classes, enrolments } from '@/db/schema'
import type { Actor } from '@/lib/auth/actor'
import { UserFacingError } from '@/lib/errors'
import { classScopeCondition, type SchoolScope } from './class-scope'
import { inviteStudents } from './student-import/imports'

/**
 * "Inviter les élèves de la classe": emails an invitation to each student of the class who
 * has an address, no account and no invitation pending. A main teacher may do it for their
 * own classes only (the scope's condition).
 */
export async function inviteClassStudents(
  db: Database,
  actor: Actor & { actorName?: string | null },
  scope: SchoolScope,
  classId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [schoolClass] = await tx
      .select({ id: classes.id, name: classes.name })
      .from(classes)
      .where(and(eq(classes.id, classId), classScopeCondition(scope)))
    if (!schoolClass) throw new UserFacingError('Classe introuvable.')
    const members = await tx
      .select({ id: enrolments.studentId })
      .from(enrolments)
      .where(eq(enrolments.classId, schoolClass.id))
    return inviteStudents(
      tx,
      actor,
      members.map((m) => m.id),
    )
  })
}

import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Database, Executor } from '@/db'
import { establishments } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import type { establishmentSettingsSchema } from './schemas'
import type { Actor } from '@/lib/auth/actor'

/** The cap on applications one candidate may submit in the establishment (eCandidat's "nombre de vœux"). */
export async function updateEstablishmentSettings(
  db: Database,
  actor: Actor,
  input: z.output<typeof establishmentSettingsSchema>,
) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ max: establishments.maxApplicationsPerCandidate })
      .from(establishments)
      .where(eq(establishments.id, actor.establishmentId))
      .for('update')
    if (!before) throw new UserFacingError('Établissement introuvable.')
    await tx
      .update(establishments)
      .set({ maxApplicationsPerCandidate: input.maxApplicationsPerCandidate })
      .where(eq(establishments.id, actor.establishmentId))
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'establishment.updated',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
      before: { maxApplicationsPerCandidate: before.max },
      after: { maxApplicationsPerCandidate: input.maxApplicationsPerCandidate },
    })
  })
}

export async function establishmentSettings(db: Executor, establishmentId: string) {
  const [row] = await db
    .select({ maxApplicationsPerCandidate: establishments.maxApplicationsPerCandidate })
    .from(establishments)
    .where(eq(establishments.id, establishmentId))
  return row
}

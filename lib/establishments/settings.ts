import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Database, Executor } from '@/db'
import { establishments } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { checkedCommune } from './communes'
import type { EstablishmentProfile, establishmentSettingsSchema } from './schemas'
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

/** What /equipe/etablissement shows and edits. */
export async function establishmentProfile(db: Executor, establishmentId: string) {
  const [row] = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      kind: establishments.kind,
      name: establishments.name,
      address: establishments.address,
      postcode: establishments.postcode,
      city: establishments.city,
      latitude: establishments.latitude,
      longitude: establishments.longitude,
      emailDomains: establishments.emailDomains,
      logoKey: establishments.logoKey,
      maxApplicationsPerCandidate: establishments.maxApplicationsPerCandidate,
    })
    .from(establishments)
    .where(eq(establishments.id, establishmentId))
  return row ?? null
}

const profileColumns = [
  'name',
  'address',
  'postcode',
  'city',
  'latitude',
  'longitude',
  'emailDomains',
] as const

/**
 * The head (or an admin) edits where the establishment is and who writes from it; the
 * commune must match the postcode. The audit entry keeps what changed, before and after.
 */
export async function updateEstablishmentProfile(
  db: Database,
  actor: Actor,
  input: EstablishmentProfile,
) {
  const city = checkedCommune(input.postcode, input.city)
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(establishments)
      .where(eq(establishments.id, actor.establishmentId))
      .for('update')
    if (!before) throw new UserFacingError('Établissement introuvable.')
    const after = {
      name: input.name,
      address: input.address || null,
      postcode: input.postcode,
      city,
      latitude: input.latitude,
      longitude: input.longitude,
      emailDomains: input.emailDomains,
    }
    const changed = profileColumns.filter(
      (column) => JSON.stringify(before[column]) !== JSON.stringify(after[column]),
    )
    if (changed.length === 0) return
    await tx
      .update(establishments)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(establishments.id, actor.establishmentId))
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'establishment.updated',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
      before: Object.fromEntries(changed.map((c) => [c, before[c]])),
      after: Object.fromEntries(changed.map((c) => [c, after[c]])),
    })
  })
}

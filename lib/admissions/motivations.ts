import { and, asc, eq } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { decisionMotivations } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import type { Actor } from '@/lib/auth/actor'

/** Every motivation of the establishment, active ones first. */
export async function allMotivations(db: Executor, establishmentId: string) {
  return db
    .select()
    .from(decisionMotivations)
    .where(eq(decisionMotivations.establishmentId, establishmentId))
    .orderBy(asc(decisionMotivations.active), asc(decisionMotivations.label))
}

/** The establishment's active motivations for unfavourable decisions. */
export async function motivationsOf(db: Executor, establishmentId: string) {
  return db
    .select({ id: decisionMotivations.id, label: decisionMotivations.label })
    .from(decisionMotivations)
    .where(
      and(
        eq(decisionMotivations.establishmentId, establishmentId),
        eq(decisionMotivations.active, true),
      ),
    )
    .orderBy(asc(decisionMotivations.label))
}

export async function addMotivation(db: Database, actor: Actor, label: string) {
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ label: decisionMotivations.label })
      .from(decisionMotivations)
      .where(eq(decisionMotivations.establishmentId, actor.establishmentId))
    if (existing.some((m) => m.label.toLowerCase() === label.toLowerCase()))
      throw new UserFacingError('Ce motif existe déjà.', {
        label: ['Motif : ce motif existe déjà.'],
      })
    if (existing.length >= 50) throw new UserFacingError('50 motifs au plus.')
    await tx.insert(decisionMotivations).values({ establishmentId: actor.establishmentId, label })
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'motivation.added',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
      after: { label },
    })
  })
}

/** Withdrawn motivations stay on past decisions but are no longer offered. */
export async function setMotivationActive(
  db: Database,
  actor: Actor,
  motivationId: string,
  active: boolean,
) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(decisionMotivations)
      .set({ active })
      .where(
        and(
          eq(decisionMotivations.id, motivationId),
          eq(decisionMotivations.establishmentId, actor.establishmentId),
        ),
      )
      .returning({ label: decisionMotivations.label })
    if (updated.length === 0) throw new UserFacingError('Motif introuvable.')
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: active ? 'motivation.restored' : 'motivation.withdrawn',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
      after: { label: updated[0]!.label },
    })
  })
}

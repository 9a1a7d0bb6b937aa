import { and, asc, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Database } from '@/db'
import { applicationDocuments, campaignDocuments } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import type { documentRequirementSchema } from './campaign-schemas'
import { campaignOf } from './campaign-settings'
import type { Actor } from '@/lib/auth/actor'

type Input = z.output<typeof documentRequirementSchema>

const MB = 1024 * 1024
const columns = (input: Input) => ({
  name: input.name,
  helpText: input.helpText || null,
  formats: input.formats,
  maxBytes: input.maxMegabytes * MB,
  required: input.required,
})

async function ownCampaign(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  actor: Actor,
  campaignId: string,
) {
  if (!(await campaignOf(tx, actor.establishmentId, campaignId)))
    throw new UserFacingError('Campagne introuvable.')
}

/** Adds a requested document at the end of the campaign's list. */
export async function addDocumentRequirement(
  db: Database,
  actor: Actor,
  campaignId: string,
  input: Input,
) {
  await db.transaction(async (tx) => {
    await ownCampaign(tx, actor, campaignId)
    const existing = await tx
      .select({ position: campaignDocuments.position })
      .from(campaignDocuments)
      .where(eq(campaignDocuments.campaignId, campaignId))
    if (existing.length >= 20) throw new UserFacingError('20 pièces au plus par campagne.')
    const position = existing.reduce((max, d) => Math.max(max, d.position + 1), 0)
    await tx.insert(campaignDocuments).values({ campaignId, position, ...columns(input) })
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.document_added',
      subjectType: 'campaign',
      subjectId: campaignId,
      after: input,
    })
  })
}

export async function updateDocumentRequirement(
  db: Database,
  actor: Actor,
  campaignId: string,
  requirementId: string,
  input: Input,
) {
  await db.transaction(async (tx) => {
    await ownCampaign(tx, actor, campaignId)
    const updated = await tx
      .update(campaignDocuments)
      .set(columns(input))
      .where(
        and(eq(campaignDocuments.id, requirementId), eq(campaignDocuments.campaignId, campaignId)),
      )
      .returning({ id: campaignDocuments.id })
    if (updated.length === 0) throw new UserFacingError('Pièce introuvable.')
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.document_updated',
      subjectType: 'campaign',
      subjectId: campaignId,
      after: { requirementId, ...input },
    })
  })
}

/** Removes a requested document nobody has given yet (otherwise: make it optional instead). */
export async function removeDocumentRequirement(
  db: Database,
  actor: Actor,
  campaignId: string,
  requirementId: string,
) {
  await db.transaction(async (tx) => {
    await ownCampaign(tx, actor, campaignId)
    const [given] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(applicationDocuments)
      .where(eq(applicationDocuments.campaignDocumentId, requirementId))
    if ((given?.n ?? 0) > 0)
      throw new UserFacingError(
        'Des candidats ont déjà déposé cette pièce : rendez-la facultative plutôt que de la supprimer.',
      )
    const removed = await tx
      .delete(campaignDocuments)
      .where(
        and(eq(campaignDocuments.id, requirementId), eq(campaignDocuments.campaignId, campaignId)),
      )
      .returning({ name: campaignDocuments.name })
    if (removed.length === 0) throw new UserFacingError('Pièce introuvable.')
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.document_removed',
      subjectType: 'campaign',
      subjectId: campaignId,
      before: { requirementId, name: removed[0]!.name },
    })
  })
}

export async function documentRequirements(db: Database, campaignId: string) {
  return db
    .select()
    .from(campaignDocuments)
    .where(eq(campaignDocuments.campaignId, campaignId))
    .orderBy(asc(campaignDocuments.position))
}

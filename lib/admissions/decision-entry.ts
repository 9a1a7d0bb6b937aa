import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  decisionMotivations,
  decisions,
  type DecisionOutcome,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { decisionRefusal } from './decision-rules'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'
import { isUuid } from '@/lib/validation/uuid'

export type DecisionInput = {
  applicationId: string
  outcome: DecisionOutcome
  motivationId?: string | null
  motivationText?: string | null
  waitlistRank?: number | null
}

async function enterOne(
  tx: Executor,
  scope: StaffScope,
  actorUserId: string,
  campaignId: string,
  input: DecisionInput & { waitlistRank: number | null },
) {
  if (!isUuid(input.applicationId)) throw new UserFacingError('Candidature introuvable.')
  const [row] = await tx
    .select({
      id: applications.id,
      status: applications.status,
      firstName: applications.firstName,
      lastName: applications.lastName,
    })
    .from(applications)
    .where(
      and(
        eq(applications.id, input.applicationId),
        eq(applications.campaignId, campaignId),
        scopeCondition(scope),
      ),
    )
    .for('update')
  if (!row) throw new UserFacingError('Candidature introuvable.')
  const refusal = decisionRefusal(row.status, input.outcome)
  // In a bulk decision, say which file stops the whole batch.
  if (refusal)
    throw new UserFacingError(
      `${[row.firstName, row.lastName?.toUpperCase()].filter(Boolean).join(' ')} : ${refusal}`,
    )
  let motivationId: string | null = null
  if (input.outcome === 'rejected') {
    if (!input.motivationId)
      throw new UserFacingError('Un avis défavorable doit être motivé.', {
        motivationId: ['Motif : choisissez un motif dans la liste.'],
      })
    const [motivation] = await tx
      .select({ id: decisionMotivations.id })
      .from(decisionMotivations)
      .where(
        and(
          eq(decisionMotivations.id, input.motivationId),
          eq(decisionMotivations.establishmentId, scope.establishmentId),
          eq(decisionMotivations.active, true),
        ),
      )
    if (!motivation)
      throw new UserFacingError('Motif inconnu.', {
        motivationId: ['Motif : choisissez un motif dans la liste.'],
      })
    motivationId = motivation.id
  }
  const [replaced] = await tx
    .delete(decisions)
    .where(and(eq(decisions.applicationId, row.id), isNull(decisions.publishedAt)))
    .returning({ outcome: decisions.outcome, waitlistRank: decisions.waitlistRank })
  const [decision] = await tx
    .insert(decisions)
    .values({
      applicationId: row.id,
      outcome: input.outcome,
      waitlistRank: input.outcome === 'waitlisted' ? input.waitlistRank : null,
      motivationId,
      motivationText: input.outcome === 'rejected' ? input.motivationText?.trim() || null : null,
      enteredByUserId: actorUserId,
    })
    .returning()
  await recordAudit(tx, {
    establishmentId: scope.establishmentId,
    actorUserId,
    action: 'decision.entered',
    subjectType: 'application',
    subjectId: row.id,
    before: {
      status: row.status,
      ...(replaced ? { outcome: replaced.outcome, waitlistRank: replaced.waitlistRank } : {}),
    },
    after: { outcome: input.outcome, waitlistRank: decision!.waitlistRank, motivationId },
  })
  return decision!
}

/** The last waiting-list rank used in a campaign, published or only entered. */
async function lastWaitlistRank(tx: Executor, campaignId: string) {
  const [row] = await tx
    .select({
      max: sql<number>`greatest(
        (select coalesce(max(${applications.waitlistRank}), 0) from ${applications} where ${applications.campaignId} = ${campaignId}),
        (select coalesce(max(d.waitlist_rank), 0) from ${decisions} d join ${applications} a on a.id = d.application_id where a.campaign_id = ${campaignId} and d.published_at is null)
      )::int`,
    })
    .from(sql`(select 1) as one`)
  return row?.max ?? 0
}

/**
 * Records decisions (not yet published) for one or several files of a campaign, all or
 * none. Waitlisted files entered without a rank are ranked in the order given (the table
 * sends its ranking order), after every rank already used in the campaign.
 */
export async function enterDecisions(
  db: Database,
  params: {
    scope: StaffScope
    actorUserId: string
    campaignId: string
    decisions: DecisionInput[]
  },
) {
  if (params.decisions.length === 0)
    throw new UserFacingError('Sélectionnez au moins une candidature.')
  return db.transaction(async (tx) => {
    // Serialises rank allocation between two people entering waiting-list decisions at once.
    await tx
      .select({ id: admissionCampaigns.id })
      .from(admissionCampaigns)
      .where(eq(admissionCampaigns.id, params.campaignId))
      .for('update')
    let rank = await lastWaitlistRank(tx, params.campaignId)
    const out = []
    for (const input of params.decisions) {
      const waitlistRank = input.outcome === 'waitlisted' ? (input.waitlistRank ?? ++rank) : null
      if (waitlistRank) rank = Math.max(rank, waitlistRank)
      out.push(
        await enterOne(tx, params.scope, params.actorUserId, params.campaignId, {
          ...input,
          waitlistRank,
        }),
      )
    }
    return out
  })
}

/** Entered decisions awaiting publication for a campaign, in the scope. */
export async function pendingDecisions(db: Executor, scope: StaffScope, campaignId: string) {
  return db
    .select({
      decision: decisions,
      firstName: applications.firstName,
      lastName: applications.lastName,
      status: applications.status,
      motivation: decisionMotivations.label,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
    .where(
      and(
        eq(applications.campaignId, campaignId),
        scopeCondition(scope),
        isNull(decisions.publishedAt),
      ),
    )
    .orderBy(asc(decisions.outcome), asc(decisions.waitlistRank), asc(applications.lastName))
}

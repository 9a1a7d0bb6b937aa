import { eq, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { applications, decisionMotivations, decisions } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { decisionContext, decisionFacts, sendDecisionEmail } from './decision-email'
import { pendingDecisions } from './decision-entry'
import { decisionRefusal, responseDeadlineFor } from './decision-rules'
import type { StaffScope } from '@/lib/auth/staff-context'
import { changeStatus, lockApplication } from './status-change'

/**
 * Publishes entered decisions: in one transaction each file changes state through the
 * state machine (a file no longer in a decidable state refuses the whole publication, with
 * the reason), admitted candidates get their answer date, waitlisted ones their rank, and
 * every candidate the decision email with the PDF letter.
 */
export async function publishDecisions(
  db: Database,
  params: {
    scope: StaffScope
    actorUserId: string
    campaignId: string
    decisionIds?: string[]
    now?: Date
  },
) {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const context = await decisionContext(tx, params.campaignId)
    if (context.campaign.establishmentId !== params.scope.establishmentId)
      throw new UserFacingError('Campagne introuvable.')
    const pending = await pendingDecisions(tx, params.scope, params.campaignId)
    const chosen = params.decisionIds
      ? pending.filter((p) => params.decisionIds!.includes(p.decision.id))
      : pending
    if (chosen.length === 0) throw new UserFacingError('Aucune décision à publier.')
    const [ranks] = await tx
      .select({ max: sql<number>`coalesce(max(${applications.waitlistRank}), 0)::int` })
      .from(applications)
      .where(eq(applications.campaignId, params.campaignId))
    let nextRank = ranks?.max ?? 0
    const responseDeadline = responseDeadlineFor(context.campaign, now)
    for (const { decision } of chosen) {
      const app = await lockApplication(tx, decision.applicationId)
      const refusal = decisionRefusal(app.status, decision.outcome)
      if (refusal)
        throw new UserFacingError(`${app.firstName ?? ''} ${app.lastName ?? ''} : ${refusal}`)
      const waitlistRank =
        decision.outcome === 'waitlisted' ? (decision.waitlistRank ?? ++nextRank) : null
      if (waitlistRank) nextRank = Math.max(nextRank, waitlistRank)
      await changeStatus(tx, {
        applicationId: app.id,
        to: decision.outcome,
        by: 'staff',
        actorUserId: params.actorUserId,
        now,
        set: {
          decidedAt: now,
          waitlistRank,
          responseDeadline: decision.outcome === 'admitted' ? responseDeadline : null,
        },
        details: { decisionId: decision.id },
      })
      await tx
        .update(decisions)
        .set({
          publishedAt: now,
          publishedByUserId: params.actorUserId,
          waitlistRank,
          updatedAt: now,
        })
        .where(eq(decisions.id, decision.id))
      const [motivation] = decision.motivationId
        ? await tx
            .select({ label: decisionMotivations.label })
            .from(decisionMotivations)
            .where(eq(decisionMotivations.id, decision.motivationId))
        : []
      await sendDecisionEmail(
        tx,
        app,
        context,
        decision.id,
        decisionFacts(app, context, decision.outcome, {
          waitlistRank,
          responseDeadline,
          motivation:
            [motivation?.label, decision.motivationText].filter(Boolean).join(' — ') || null,
        }),
      )
    }
    await recordAudit(tx, {
      establishmentId: params.scope.establishmentId,
      actorUserId: params.actorUserId,
      action: 'decisions.published',
      subjectType: 'campaign',
      subjectId: params.campaignId,
      after: { count: chosen.length },
    })
    return { published: chosen.length }
  })
}

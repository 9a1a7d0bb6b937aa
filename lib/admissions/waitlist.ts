import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { applications, decisions } from '@/db/schema'
import { decisionContext, decisionFacts, sendDecisionEmail } from './decision-email'
import { changeStatus } from './status-change'

const DAY = 86_400_000

/**
 * Offers the freed place to the first candidate on the campaign's waiting list (lowest
 * rank): admitted, with their own answer date, told by email. Returns who, or null.
 */
export async function promoteNext(
  tx: Executor,
  campaignId: string,
  now: Date,
): Promise<string | null> {
  const [next] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.campaignId, campaignId), eq(applications.status, 'waitlisted')))
    .orderBy(asc(applications.waitlistRank), asc(applications.decidedAt), asc(applications.id))
    .limit(1)
    .for('update', { skipLocked: true })
  if (!next) return null
  const context = await decisionContext(tx, campaignId)
  const responseDeadline = new Date(now.getTime() + context.campaign.responseDays * DAY)
  const { before } = await changeStatus(tx, {
    applicationId: next.id,
    to: 'admitted',
    by: 'system',
    now,
    set: { decidedAt: now, responseDeadline },
    details: { promoted: true },
  })
  const [decision] = await tx
    .insert(decisions)
    .values({ applicationId: next.id, outcome: 'admitted', publishedAt: now })
    .returning({ id: decisions.id })
  await sendDecisionEmail(
    tx,
    before,
    context,
    decision!.id,
    decisionFacts(before, context, 'admitted', { promoted: true, responseDeadline }),
  )
  return next.id
}

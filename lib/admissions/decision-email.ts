import { eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  decisions,
  establishments,
  programmes,
  type Application,
  type DecisionOutcome,
} from '@/db/schema'
import { appUrl } from '@/lib/config/settings'
import { UserFacingError } from '@/lib/errors'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { decisionMessage, type DecisionFacts } from './decision-letter'

/** The campaign, programme and establishment a decision's email and letter name. */
export async function decisionContext(tx: Executor, campaignId: string) {
  const [row] = await tx
    .select({
      campaign: admissionCampaigns,
      programmeName: programmes.name,
      establishmentName: establishments.name,
      establishmentCity: establishments.city,
    })
    .from(admissionCampaigns)
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, admissionCampaigns.establishmentId))
    .where(eq(admissionCampaigns.id, campaignId))
  if (!row) throw new UserFacingError('Campagne introuvable.')
  return row
}
export type DecisionContext = Awaited<ReturnType<typeof decisionContext>>

export function decisionFacts(
  app: Application,
  context: DecisionContext,
  outcome: DecisionOutcome,
  extra: Partial<DecisionFacts> = {},
): DecisionFacts {
  return {
    outcome,
    firstName: app.firstName ?? '',
    lastName: app.lastName ?? '',
    programmeName: context.programmeName,
    establishmentName: context.establishmentName,
    spaceUrl: `${appUrl()}/espace/candidatures/${app.id}`,
    ...extra,
  }
}

/** Freezes the letter on the decision and queues the email that carries it. */
export async function sendDecisionEmail(
  tx: Executor,
  app: Application,
  context: DecisionContext,
  decisionId: string,
  facts: DecisionFacts,
) {
  const message = decisionMessage(
    { subject: context.campaign.decisionEmailSubject, body: context.campaign.decisionEmailBody },
    facts,
  )
  await tx
    .update(decisions)
    .set({ letterSubject: message.subject, letterBody: message.body })
    .where(eq(decisions.id, decisionId))
  await enqueueEmail(tx, {
    template: 'decision',
    to: app.email,
    establishmentId: app.establishmentId,
    dedupeKey: `decision:${decisionId}`,
    props: {
      subject: message.subject,
      body: message.body,
      spaceUrl: facts.spaceUrl,
      hasLetter: true,
    },
    attachments: [{ kind: 'decision-letter', decisionId, fileName: 'lettre-de-decision.pdf' }],
  })
}

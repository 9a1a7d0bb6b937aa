import { and, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { applications, decisionMotivations, decisions } from '@/db/schema'
import { decisionContext, decisionFacts } from './decision-email'
import { decisionMessage } from './decision-letter'
import { isUuid } from '@/lib/validation/uuid'

/** Everything the PDF letter of a published decision needs. */
export async function decisionLetterProps(db: Executor, decisionId: string) {
  if (!isUuid(decisionId)) return null
  const [row] = await db
    .select({
      decision: decisions,
      application: applications,
      motivation: decisionMotivations.label,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
    .where(eq(decisions.id, decisionId))
  if (!row || !row.decision.publishedAt) return null
  const context = await decisionContext(db, row.application.campaignId)
  const a = row.application
  const promoted = !row.decision.enteredByUserId && row.decision.outcome === 'admitted'
  // The letter as sent; decisions published before letters were frozen are written again.
  const message =
    row.decision.letterSubject && row.decision.letterBody
      ? { subject: row.decision.letterSubject, body: row.decision.letterBody }
      : decisionMessage(
          {
            subject: context.campaign.decisionEmailSubject,
            body: context.campaign.decisionEmailBody,
          },
          decisionFacts(a, context, row.decision.outcome, {
            promoted,
            waitlistRank: row.decision.waitlistRank,
            responseDeadline: row.decision.outcome === 'admitted' ? a.responseDeadline : null,
            motivation:
              [row.motivation, row.decision.motivationText].filter(Boolean).join(' — ') || null,
          }),
        )
  return {
    establishmentName: context.establishmentName,
    establishmentCity: context.establishmentCity,
    candidateName: [
      a.civility === 'mme' ? 'Madame' : a.civility === 'm' ? 'Monsieur' : null,
      a.firstName,
      a.lastName,
    ]
      .filter(Boolean)
      .join(' '),
    addressLines: [
      a.addressLine,
      [a.postalCode, a.city].filter(Boolean).join(' '),
      a.country,
    ].filter((l): l is string => Boolean(l)),
    date: row.decision.publishedAt,
    subject: message.subject,
    body: message.body,
    reference: row.decision.id.slice(0, 8).toUpperCase(),
    applicationId: a.id,
    candidateUserId: a.candidateUserId,
    establishmentId: a.establishmentId,
  }
}

/** The latest published decision of an application (for the candidate's letter link). */
export async function latestPublishedDecision(db: Executor, applicationId: string) {
  const [row] = await db
    .select({
      id: decisions.id,
      outcome: decisions.outcome,
      publishedAt: decisions.publishedAt,
      motivation: decisionMotivations.label,
      motivationText: decisions.motivationText,
    })
    .from(decisions)
    .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
    .where(
      and(eq(decisions.applicationId, applicationId), sql`${decisions.publishedAt} is not null`),
    )
    .orderBy(desc(decisions.publishedAt))
    .limit(1)
  return row
}

import { acceptsRecommendations } from './application-window'
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { applications, emailOutbox, recommendationRequests } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { formatDateTime } from '@/lib/format'
import { loadInvitationContext } from './invitation-context'
import { consumeInvitationAllowance } from './invitation-limits'
import { issueLinkEmail, revokeLinks } from './links'
import { changeRequestStatus } from './request-status-change'
import { canReplace, canResend, displayStatus, nextResendAt } from './request-status'
import { createRecommendationRequest, type RecommenderInput } from './requests'
import { isUuid } from '@/lib/validation/uuid'

/** The candidate's own request, locked; anyone else's is "not found" (owner in the WHERE). */
async function ownRequest(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  userId: string,
  requestId: string,
) {
  if (!isUuid(requestId)) throw new UserFacingError('Demande introuvable.')
  const [row] = await tx
    .select({
      request: recommendationRequests,
      applicationStatus: applications.status,
      invitationStatus: emailOutbox.status,
    })
    .from(recommendationRequests)
    .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
    .leftJoin(emailOutbox, eq(emailOutbox.id, recommendationRequests.invitationEmailId))
    .where(and(eq(recommendationRequests.id, requestId), eq(applications.candidateUserId, userId)))
    .for('update', { of: recommendationRequests })
  if (!row || !acceptsRecommendations(row.applicationStatus))
    throw new UserFacingError('Demande introuvable.')
  return row
}

/** Sends the recommender a fresh link (the earlier ones keep working): once a day, three times at most, within the invitation limits. */
export async function resendInvitation(
  db: Database,
  params: { userId: string; requestId: string; now?: Date },
) {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const { request, invitationStatus } = await ownRequest(tx, params.userId, params.requestId)
    if (!canResend(displayStatus(request, invitationStatus, now)))
      throw new UserFacingError('Cette demande ne peut plus être relancée.')
    const next = nextResendAt(request, now)
    if (next === 'never')
      throw new UserFacingError(
        'Vous avez déjà relancé cette personne trois fois : contactez-la directement ou désignez quelqu’un d’autre.',
      )
    if (next)
      throw new UserFacingError(
        `Relance déjà envoyée : vous pourrez relancer à partir du ${formatDateTime(next)}.`,
      )
    const context = await loadInvitationContext(tx, request.applicationId)
    await consumeInvitationAllowance(tx, {
      applicationId: request.applicationId,
      candidateUserId: params.userId,
      emails: 1,
      establishmentName: context.establishmentName,
      now,
    })
    await issueLinkEmail(tx, request, 'resend', context)
    await tx
      .update(recommendationRequests)
      .set({
        resendCount: sql`${recommendationRequests.resendCount} + 1`,
        lastResentAt: now,
        updatedAt: now,
      })
      .where(eq(recommendationRequests.id, request.id))
    await recordAudit(tx, {
      establishmentId: request.establishmentId,
      actorUserId: params.userId,
      action: 'recommendation.resent',
      subjectType: 'recommendation_request',
      subjectId: request.id,
    })
  })
}

/** Names someone else in the same slot (within the invitation limits): the old request and all its links are revoked. */
export async function replaceRecommender(
  db: Database,
  params: {
    userId: string
    candidateEmail: string
    requestId: string
    recommender: RecommenderInput
    now?: Date
  },
) {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const { request, invitationStatus } = await ownRequest(tx, params.userId, params.requestId)
    if (!canReplace(displayStatus(request, invitationStatus, now)))
      throw new UserFacingError('Ce recommandant ne peut plus être remplacé.')
    if (params.recommender.email === params.candidateEmail.toLowerCase()) {
      throw new UserFacingError('Certains champs sont à corriger.', {
        email: ['E-mail du recommandant : vous ne pouvez pas vous recommander vous-même.'],
      })
    }
    const others = await tx
      .select({ email: recommendationRequests.recommenderEmail })
      .from(recommendationRequests)
      .where(
        and(
          eq(recommendationRequests.applicationId, request.applicationId),
          ne(recommendationRequests.status, 'revoked'),
          ne(recommendationRequests.id, request.id),
        ),
      )
    if (others.some((o) => o.email === params.recommender.email)) {
      throw new UserFacingError('Certains champs sont à corriger.', {
        email: ['E-mail du recommandant : cette personne est déjà sollicitée pour ce dossier.'],
      })
    }
    const context = await loadInvitationContext(tx, request.applicationId)
    await consumeInvitationAllowance(tx, {
      applicationId: request.applicationId,
      candidateUserId: params.userId,
      emails: 1,
      replacementSlot: request.slot,
      establishmentName: context.establishmentName,
      now,
    })
    await changeRequestStatus(tx, request, {
      to: 'revoked',
      by: 'candidate',
      now,
      set: { revokedAt: now },
    })
    await revokeLinks(tx, request.id, now)
    const replacement = await createRecommendationRequest(tx, {
      applicationId: request.applicationId,
      slot: request.slot,
      recommender: params.recommender,
      context,
    })
    await recordAudit(tx, {
      establishmentId: request.establishmentId,
      actorUserId: params.userId,
      action: 'recommendation.replaced',
      subjectType: 'recommendation_request',
      subjectId: request.id,
      before: { recommenderEmail: request.recommenderEmail, status: request.status },
      after: { replacementId: replacement.id, recommenderEmail: replacement.recommenderEmail },
    })
    return replacement
  })
}

import { reviewCompleteness } from '@/lib/admissions/completeness'
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { recommendationRequests, recommendations, type RecommendationAnswer } from '@/db/schema'
import { InvalidLinkError, UserFacingError } from '@/lib/errors'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { formatDateTime } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import type { SmsSender } from '@/lib/sms/sender'
import { contentHash } from './content-hash'
import { candidateDisplayName } from './invitation-context'
import { findOpenLink, type OpenLink } from './links'
import { formatPhone } from './phone'
import { isPhoneConfirmed } from './phone-verification'
import { campaignQuestions } from './questions'
import { opinionLabel } from './scales'
import type { RecommendationData, RecommendationDraft } from './schemas'
import { generateVerificationCode } from './verification-code'

const answered = (link: OpenLink) =>
  link.request.status === 'received' || link.request.status === 'declined'
const alreadyAnswered = (link: OpenLink) =>
  new UserFacingError(
    link.request.status === 'received'
      ? 'Cet avis a déjà été transmis : il ne peut plus être modifié.'
      : 'Vous avez décliné cette demande.',
  )

/** Autosave of the recommender's work in progress; never after submission. */
export async function saveRecommendationDraft(
  db: Executor,
  params: { token: string; draft: RecommendationDraft; now?: Date },
) {
  const link = await findOpenLink(db, params.token, params.now)
  if (!link) throw new InvalidLinkError()
  if (answered(link)) throw alreadyAnswered(link)
  const values = {
    answers: params.draft.answers ?? {},
    opinion: (params.draft.opinion || null) as never,
    phone: params.draft.phone || null,
  }
  const rows = await db
    .insert(recommendations)
    .values({
      requestId: link.request.id,
      establishmentId: link.request.establishmentId,
      ...values,
    })
    .onConflictDoUpdate({
      target: recommendations.requestId,
      set: { ...values, updatedAt: new Date() },
      setWhere: isNull(recommendations.submittedAt),
    })
    .returning({ updatedAt: recommendations.updatedAt })
  if (rows.length === 0)
    throw alreadyAnswered({ ...link, request: { ...link.request, status: 'received' } })
  return rows[0]!
}

export type SubmissionContext = { ip: string | null; userAgent: string | null }

/** The fields the content hash covers; recomputed to show a recommendation is untouched. */
export function hashedContent(r: {
  requestId: string
  recommenderEmail: string
  answers: RecommendationAnswer[]
  opinion: string
  phone: string
  phoneConfirmed: boolean
  submittedAt: Date
}) {
  return contentHash({ ...r, submittedAt: r.submittedAt.toISOString() })
}

/**
 * Submits the recommendation once: answers frozen with their questions, content hash,
 * verification code, context (time, IP, user agent, phone, whether confirmed), the request
 * marked received, and two emails queued — all in one transaction.
 */
export async function submitRecommendation(
  db: Database,
  params: {
    token: string
    data: RecommendationData
    context: SubmissionContext
    sms: SmsSender | null
    now?: Date
  },
): Promise<{ verificationCode: string; recommendationId: string }> {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const link = await findOpenLink(tx, params.token, now, { lock: true })
    if (!link) throw new InvalidLinkError()
    if (answered(link)) throw alreadyAnswered(link)

    const phoneConfirmed = await isPhoneConfirmed(tx, link.request.id, params.data.phone)
    if (params.sms && !phoneConfirmed) {
      throw new UserFacingError('Confirmez votre numéro avec le code reçu par SMS.', {
        phone: ['Confirmez ce numéro avec le code reçu par SMS avant de transmettre.'],
      })
    }

    const questions = await campaignQuestions(tx, link.campaign.id)
    const answers: RecommendationAnswer[] = questions.map((q) => ({
      questionId: q.id,
      kind: q.kind,
      label: q.label,
      value: params.data.answers[q.id] ?? '',
    }))
    const verificationCode = generateVerificationCode()
    const hash = hashedContent({
      requestId: link.request.id,
      recommenderEmail: link.request.recommenderEmail,
      answers,
      opinion: params.data.opinion,
      phone: params.data.phone,
      phoneConfirmed,
      submittedAt: now,
    })
    const values = {
      answers: params.data.answers,
      submittedAnswers: answers,
      opinion: params.data.opinion,
      phone: params.data.phone,
      phoneConfirmed,
      certified: true,
      submittedAt: now,
      contentHash: hash,
      verificationCode,
      ip: params.context.ip,
      userAgent: params.context.userAgent?.slice(0, 500) ?? null,
      linkId: link.linkId,
      updatedAt: now,
    }
    const saved = await tx
      .insert(recommendations)
      .values({
        requestId: link.request.id,
        establishmentId: link.request.establishmentId,
        ...values,
      })
      .onConflictDoUpdate({
        target: recommendations.requestId,
        set: values,
        setWhere: isNull(recommendations.submittedAt),
      })
      .returning({ id: recommendations.id })
    if (saved.length === 0)
      throw alreadyAnswered({ ...link, request: { ...link.request, status: 'received' } })

    await tx
      .update(recommendationRequests)
      .set({ status: 'received', respondedAt: now, updatedAt: now })
      .where(eq(recommendationRequests.id, link.request.id))

    const candidateName = candidateDisplayName(link.application)
    await enqueueEmail(tx, {
      template: 'recommendation-confirmation',
      to: link.request.recommenderEmail,
      establishmentId: link.request.establishmentId,
      props: {
        recommenderName: link.request.recommenderName,
        candidateName,
        programmeName: link.programmeName,
        submittedAt: formatDateTime(now),
        opinion: opinionLabel(params.data.opinion),
        verificationCode,
        verifyUrl: `${appUrl()}/verifier/${verificationCode}`,
        phone: formatPhone(params.data.phone),
        phoneConfirmed,
      },
    })
    const [progress] = await tx
      .select({ received: count() })
      .from(recommendationRequests)
      .where(
        and(
          eq(recommendationRequests.applicationId, link.application.id),
          eq(recommendationRequests.status, 'received'),
        ),
      )
    const [live] = await tx
      .select({ n: count() })
      .from(recommendationRequests)
      .where(
        and(
          eq(recommendationRequests.applicationId, link.application.id),
          sql`${recommendationRequests.status} <> 'revoked'`,
        ),
      )
    await enqueueEmail(tx, {
      template: 'recommendation-received',
      to: link.application.email,
      establishmentId: link.request.establishmentId,
      props: {
        candidateName: link.application.firstName ?? candidateName,
        recommenderName: link.request.recommenderName,
        programmeName: link.programmeName,
        received: progress?.received ?? 1,
        required: live?.n ?? 1,
        dashboardUrl: `${appUrl()}/espace`,
      },
    })
    await recordAudit(tx, {
      establishmentId: link.request.establishmentId,
      actorLabel: `recommandant ${link.request.recommenderEmail}`,
      action: 'recommendation.submitted',
      subjectType: 'recommendation_request',
      subjectId: link.request.id,
      before: { status: link.request.status },
      after: { status: 'received', verificationCode, contentHash: hash },
      ip: params.context.ip,
      userAgent: params.context.userAgent,
    })
    // The last awaited recommendation may complete the file.
    await reviewCompleteness(tx, link.application.id, { now })
    return { verificationCode, recommendationId: saved[0]!.id }
  })
}

/** The recommender declines; the candidate is asked to name someone else. */
export async function declineRecommendation(
  db: Database,
  params: { token: string; reason: string; context: SubmissionContext; now?: Date },
) {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const link = await findOpenLink(tx, params.token, now, { lock: true })
    if (!link) throw new InvalidLinkError()
    if (answered(link)) throw alreadyAnswered(link)
    await tx
      .update(recommendationRequests)
      .set({ status: 'declined', declineReason: params.reason, respondedAt: now, updatedAt: now })
      .where(eq(recommendationRequests.id, link.request.id))
    await enqueueEmail(tx, {
      template: 'recommender-unavailable',
      to: link.application.email,
      establishmentId: link.request.establishmentId,
      props: {
        candidateName: link.application.firstName ?? candidateDisplayName(link.application),
        recommenderName: link.request.recommenderName,
        recommenderEmail: link.request.recommenderEmail,
        programmeName: link.programmeName,
        reason: 'declined',
        declineReason: params.reason,
        dashboardUrl: `${appUrl()}/espace`,
      },
    })
    await recordAudit(tx, {
      establishmentId: link.request.establishmentId,
      actorLabel: `recommandant ${link.request.recommenderEmail}`,
      action: 'recommendation.declined',
      subjectType: 'recommendation_request',
      subjectId: link.request.id,
      before: { status: link.request.status },
      after: { status: 'declined' },
      ip: params.context.ip,
      userAgent: params.context.userAgent,
    })
  })
}

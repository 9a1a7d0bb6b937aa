import { eq, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  recommendationRequests,
  recommendations,
  type RecommendationAnswer,
  type RecommendationQuestion,
} from '@/db/schema'
import { UserFacingError } from '@/lib/errors'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { formatDateTime } from '@/lib/format'
import { enqueuePrepared, prepareEmail } from '@/lib/mail/enqueue'
import type { SmsSender } from '@/lib/sms/sender'
import { contentHash } from './content-hash'
import { candidateDisplayName } from './invitation-context'
import { findOpenLink, lockOpenRequest, type OpenLink } from './links'
import { formatPhone } from '@/lib/validation/phone'
import { isPhoneConfirmed } from './phone-verification'
import { campaignQuestions } from './questions'
import { changeRequestStatus } from './request-status-change'
import { opinionLabel } from './scales'
import type { RecommendationData, RecommendationDraft } from './schemas'
import { generateVerificationCode } from './verification-code'

/** Unknown, expired, revoked: the caller answers 404 "lien invalide", whichever it was. */
export class InvalidLinkError extends Error {
  constructor() {
    super('Lien invalide')
    this.name = 'InvalidLinkError'
  }
}

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

/** What a submission needs, loaded once before its transaction: the link and the campaign's questions. */
export type PreparedSubmission = { link: OpenLink; questions: RecommendationQuestion[] }

/**
 * Loads what the link opens and the questions the answers are checked against (the form's
 * schema: `recommendationSchema(questions)`). An invalid link and an answered request are
 * refused here already, before any parsing or transaction.
 */
export async function loadSubmission(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<PreparedSubmission> {
  const link = await findOpenLink(db, token, now)
  if (!link) throw new InvalidLinkError()
  if (answered(link)) throw alreadyAnswered(link)
  return { link, questions: await campaignQuestions(db, link.campaign.id) }
}

/** What the application does when one of its recommendations arrives (its completeness), in the same transaction. */
export type OnRecommendationReceived = (
  tx: Executor,
  applicationId: string,
  options: { now: Date },
) => Promise<unknown>

/**
 * Submits the recommendation once: answers frozen with their questions, content hash,
 * verification code, context (time, IP, user agent, phone, whether confirmed), the request
 * marked received, two emails queued and `onReceived` run — all in one transaction. Everything
 * that does not need the lock (the phone check, the hash, rendering both emails) is done
 * before it: on the embedded database a transaction holds every other query back.
 */
export async function submitRecommendation(
  db: Database,
  params: {
    submission: PreparedSubmission
    data: RecommendationData
    context: SubmissionContext
    sms: SmsSender | null
    onReceived: OnRecommendationReceived
    now?: Date
  },
): Promise<{ verificationCode: string; recommendationId: string }> {
  const now = params.now ?? new Date()
  const { link, questions } = params.submission
  const { request, application } = link

  const phoneConfirmed = await isPhoneConfirmed(db, request.id, params.data.phone)
  if (params.sms && !phoneConfirmed) {
    throw new UserFacingError('Confirmez votre numéro avec le code reçu par SMS.', {
      phone: ['Confirmez ce numéro avec le code reçu par SMS avant de transmettre.'],
    })
  }
  const answers: RecommendationAnswer[] = questions.map((q) => ({
    questionId: q.id,
    kind: q.kind,
    label: q.label,
    value: params.data.answers[q.id] ?? '',
  }))
  const verificationCode = generateVerificationCode()
  const hash = hashedContent({
    requestId: request.id,
    recommenderEmail: request.recommenderEmail,
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
  const progress = await recommendationProgress(db, application.id)
  const candidateName = candidateDisplayName(application)
  const emails = await Promise.all([
    prepareEmail({
      template: 'recommendation-confirmation',
      to: request.recommenderEmail,
      establishmentId: request.establishmentId,
      props: {
        recommenderName: request.recommenderName,
        candidateName,
        programmeName: link.programmeName,
        submittedAt: formatDateTime(now),
        opinion: opinionLabel(params.data.opinion),
        verificationCode,
        verifyUrl: `${appUrl()}/verifier/${verificationCode}`,
        phone: formatPhone(params.data.phone),
        phoneConfirmed,
      },
    }),
    prepareEmail({
      template: 'recommendation-received',
      to: application.email,
      establishmentId: request.establishmentId,
      props: {
        candidateName: application.firstName ?? candidateName,
        recommenderName: request.recommenderName,
        programmeName: link.programmeName,
        // This one included: it is received once the transaction commits.
        received: progress.received + 1,
        required: progress.live,
        dashboardUrl: `${appUrl()}/espace`,
      },
    }),
  ])

  return db.transaction(async (tx) => {
    // A double click waits here for the first submission, then finds the request received.
    const status = await lockOpenRequest(tx, link, now)
    if (!status) throw new InvalidLinkError()
    if (status === 'received' || status === 'declined')
      throw alreadyAnswered({ ...link, request: { ...request, status } })
    const saved = await tx
      .insert(recommendations)
      .values({ requestId: request.id, establishmentId: request.establishmentId, ...values })
      .onConflictDoUpdate({
        target: recommendations.requestId,
        set: values,
        setWhere: isNull(recommendations.submittedAt),
      })
      .returning({ id: recommendations.id })
    if (saved.length === 0)
      throw alreadyAnswered({ ...link, request: { ...request, status: 'received' } })
    await changeRequestStatus(
      tx,
      { id: request.id, status },
      { to: 'received', by: 'recommender', now, set: { respondedAt: now } },
    )
    await enqueuePrepared(tx, emails)
    await recordAudit(tx, {
      establishmentId: request.establishmentId,
      actorLabel: `recommandant ${request.recommenderEmail}`,
      action: 'recommendation.submitted',
      subjectType: 'recommendation_request',
      subjectId: request.id,
      before: { status },
      after: { status: 'received', verificationCode, contentHash: hash },
      ip: params.context.ip,
      userAgent: params.context.userAgent,
    })
    // The last awaited recommendation may complete the file.
    await params.onReceived(tx, application.id, { now })
    return { verificationCode, recommendationId: saved[0]!.id }
  })
}

/** The application's recommendations: received, and asked for (every request not replaced). */
async function recommendationProgress(db: Executor, applicationId: string) {
  const [row] = await db
    .select({
      received: sql<number>`count(*) filter (where ${recommendationRequests.status} = 'received')::int`,
      live: sql<number>`count(*) filter (where ${recommendationRequests.status} <> 'revoked')::int`,
    })
    .from(recommendationRequests)
    .where(eq(recommendationRequests.applicationId, applicationId))
  return { received: row?.received ?? 0, live: row?.live ?? 1 }
}

/** The recommender declines; the candidate is asked to name someone else. */
export async function declineRecommendation(
  db: Database,
  params: { token: string; reason: string; context: SubmissionContext; now?: Date },
) {
  const now = params.now ?? new Date()
  const link = await findOpenLink(db, params.token, now)
  if (!link) throw new InvalidLinkError()
  if (answered(link)) throw alreadyAnswered(link)
  const { request, application } = link
  const email = await prepareEmail({
    template: 'recommender-unavailable',
    to: application.email,
    establishmentId: request.establishmentId,
    props: {
      candidateName: application.firstName ?? candidateDisplayName(application),
      recommenderName: request.recommenderName,
      recommenderEmail: request.recommenderEmail,
      programmeName: link.programmeName,
      reason: 'declined',
      declineReason: params.reason,
      dashboardUrl: `${appUrl()}/espace`,
    },
  })
  await db.transaction(async (tx) => {
    const status = await lockOpenRequest(tx, link, now)
    if (!status) throw new InvalidLinkError()
    if (status === 'received' || status === 'declined')
      throw alreadyAnswered({ ...link, request: { ...request, status } })
    await changeRequestStatus(
      tx,
      { id: request.id, status },
      {
        to: 'declined',
        by: 'recommender',
        now,
        set: { declineReason: params.reason, respondedAt: now },
      },
    )
    await enqueuePrepared(tx, [email])
    await recordAudit(tx, {
      establishmentId: request.establishmentId,
      actorLabel: `recommandant ${request.recommenderEmail}`,
      action: 'recommendation.declined',
      subjectType: 'recommendation_request',
      subjectId: request.id,
      before: { status },
      after: { status: 'declined' },
      ip: params.context.ip,
      userAgent: params.context.userAgent,
    })
  })
}

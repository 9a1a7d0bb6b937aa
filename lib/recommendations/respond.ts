import { isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  phoneVerifications,
  recommendationQuestions,
  recommendationRequests,
  recommendations,
  type RecommendationAnswer,
  type RecommendationQuestion,
} from '@/db/schema'
import { InvalidLinkError, UserFacingError } from '@/lib/errors'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { formatDateTime } from '@/lib/format'
import { enqueuePrepared, prepareEmail } from '@/lib/mail/enqueue'
import type { SmsSender } from '@/lib/sms/sender'
import { contentHash } from './content-hash'
import { candidateDisplayName } from './invitation-context'
import {
  findOpenLink,
  findOpenLinkWith,
  linkStillOpens,
  lockOpenRequest,
  type OpenLink,
} from './links'
import { formatPhone } from '@/lib/validation/phone'
import { changeRequestStatus, type RequestStatusChange } from './request-status-change'
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

type SubmissionQuestion = Pick<
  RecommendationQuestion,
  'id' | 'kind' | 'label' | 'help' | 'required'
>

/** What a submission needs, read in one query before its transaction. */
export type PreparedSubmission = {
  link: OpenLink
  /** The campaign's questions, in order: the form's schema is `recommendationSchema(questions)`. */
  questions: SubmissionQuestion[]
  /** The application's requests: received, and asked for (not replaced). */
  progress: { received: number; live: number }
  /** The phone numbers confirmed by SMS code for this request. */
  confirmedPhones: string[]
}

/**
 * Loads, in one query, what the link opens, the campaign's questions, the application's
 * progress and the phones confirmed for the request. An invalid link and an answered
 * request are refused here already, before any parsing or transaction.
 */
export async function loadSubmission(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<PreparedSubmission> {
  const row = await findOpenLinkWith(db, token, now, {
    questions: sql<SubmissionQuestion[]>`coalesce((
      select json_agg(json_build_object('id', q.id, 'kind', q.kind, 'label', q.label, 'help', q.help, 'required', q.required) order by q.position)
      from ${recommendationQuestions} q where q.campaign_id = ${admissionCampaigns.id}), '[]'::json)`,
    received: sql<number>`(select count(*)::int from ${recommendationRequests} r
      where r.application_id = ${applications.id} and r.status = 'received')`,
    live: sql<number>`(select count(*)::int from ${recommendationRequests} r
      where r.application_id = ${applications.id} and r.status <> 'revoked')`,
    confirmedPhones: sql<string[]>`array(select distinct v.phone from ${phoneVerifications} v
      where v.request_id = ${recommendationRequests.id} and v.confirmed_at is not null)`,
  })
  if (!row) throw new InvalidLinkError()
  const { questions, received, live, confirmedPhones, ...link } = row
  if (answered(link)) throw alreadyAnswered(link)
  return { link, questions, progress: { received, live }, confirmedPhones }
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

  const phoneConfirmed = params.submission.confirmedPhones.includes(params.data.phone)
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
  const { progress } = params.submission
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
    const status = await answer(tx, link, {
      to: 'received',
      by: 'recommender',
      now,
      set: { respondedAt: now },
    })
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
    const status = await answer(tx, link, {
      to: 'declined',
      by: 'recommender',
      now,
      set: { declineReason: params.reason, respondedAt: now },
    })
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

/**
 * The recommender's answer moves the request, under its row lock: one guarded update when
 * nothing changed since the link was read; otherwise the request is locked and read again
 * (a double click finds it answered, another tab may have opened it, the link may have died).
 * Returns the state it left.
 */
async function answer(tx: Executor, link: OpenLink, change: RequestStatusChange) {
  const where = linkStillOpens(link, change.now)
  if (await changeRequestStatus(tx, link.request, { ...change, where })) return link.request.status
  const status = await lockOpenRequest(tx, link, change.now)
  if (!status) throw new InvalidLinkError()
  if (status === 'received' || status === 'declined')
    throw alreadyAnswered({ ...link, request: { ...link.request, status } })
  await changeRequestStatus(tx, { id: link.request.id, status }, change)
  return status
}

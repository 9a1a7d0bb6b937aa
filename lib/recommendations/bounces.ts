import { recommendationStates } from './application-window'
import { and, eq, gt, inArray } from 'drizzle-orm'
import { Webhook, WebhookVerificationError } from 'svix'
import type { Database } from '@/db'
import {
  admissionCampaigns,
  applications,
  emailOutbox,
  programmes,
  recommendationLinks,
  recommendationRequests,
  webhookEvents,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { candidateDisplayName } from './invitation-context'
import { isUuid } from '@/lib/validation/uuid'
import { requestLifecycle } from './request-lifecycle'
import { changeRequestStatus } from './request-status-change'

/** A Resend webhook event: the Svix message id, the event type and its data. */
export type ResendEvent = { id: string; type: string; data: Record<string, unknown> }

type HeaderSource = Headers | Record<string, string | null | undefined>

export type WebhookVerification =
  | { ok: true; event: ResendEvent }
  | { ok: false; reason: 'misconfigured' | 'signature' | 'payload' }

/**
 * Checks the Svix signature (HMAC of id, timestamp and the raw body, timestamp within five
 * minutes) before anything in the body is trusted. The body must be the raw text: a
 * re-serialized JSON would not match the signature.
 */
export function verifyResendWebhook(
  raw: string,
  headers: HeaderSource,
  secret: string,
): WebhookVerification {
  const header = (name: string) =>
    (headers instanceof Headers ? headers.get(name) : headers[name]) ?? ''
  const svixHeaders = {
    'svix-id': header('svix-id'),
    'svix-timestamp': header('svix-timestamp'),
    'svix-signature': header('svix-signature'),
  }
  let webhook: Webhook
  try {
    webhook = new Webhook(secret)
  } catch {
    return { ok: false, reason: 'misconfigured' }
  }
  let payload: unknown
  try {
    payload = webhook.verify(raw, svixHeaders)
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, reason: 'signature' }
    return { ok: false, reason: 'payload' } // signed, but not JSON
  }
  if (!isObject(payload) || typeof payload.type !== 'string' || !isObject(payload.data))
    return { ok: false, reason: 'payload' }
  return { ok: true, event: { id: svixHeaders['svix-id'], type: payload.type, data: payload.data } }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export type ResendEventResult =
  { duplicate: true } | { duplicate: false; outcome: 'bounced' | 'ignored' }

/**
 * Handles one Resend event, once: the event is recorded under its Svix id first, so a
 * redelivery (Svix retries until it gets a 2xx) finds it and changes nothing. A bounce of a
 * recommendation email (invitation, reminder or resend: each carries its own link) marks the
 * request "adresse invalide" and asks the candidate to name someone else, in the same
 * transaction. Other events are recorded and ignored.
 */
export async function handleResendEvent(
  db: Database,
  event: ResendEvent,
  now: Date = new Date(),
): Promise<ResendEventResult> {
  return db.transaction(async (tx) => {
    const recorded = await tx
      .insert(webhookEvents)
      .values({
        id: event.id,
        provider: 'resend',
        type: event.type,
        payload: { type: event.type, data: event.data },
      })
      .onConflictDoNothing({ target: webhookEvents.id })
      .returning({ id: webhookEvents.id })
    if (recorded.length === 0) return { duplicate: true }

    const providerMessageId = typeof event.data.email_id === 'string' ? event.data.email_id : ''
    // Our outbox id travels as a Resend tag: it matches even a bounce that beats the recording of Resend's id.
    const outboxId = outboxIdTag(event.data.tags)
    if (event.type !== 'email.bounced' || (!providerMessageId && !outboxId))
      return { duplicate: false, outcome: 'ignored' }

    // The request whose link the bounced email carried, if it still waits for an answer.
    const [target] = await tx
      .select({
        emailId: emailOutbox.id,
        request: recommendationRequests,
        application: {
          firstName: applications.firstName,
          lastName: applications.lastName,
          email: applications.email,
        },
        programmeName: programmes.name,
      })
      .from(emailOutbox)
      .innerJoin(recommendationLinks, eq(recommendationLinks.emailId, emailOutbox.id))
      .innerJoin(
        recommendationRequests,
        eq(recommendationRequests.id, recommendationLinks.requestId),
      )
      .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .where(
        and(
          outboxId
            ? eq(emailOutbox.id, outboxId)
            : eq(emailOutbox.providerMessageId, providerMessageId),
          eq(emailOutbox.template, 'recommendation-invitation'),
          inArray(recommendationRequests.status, requestLifecycle.sourcesOf('bounced', 'system')),
          inArray(applications.status, recommendationStates),
          // After the deadline the candidate can no longer name someone else: nothing to tell.
          gt(recommendationRequests.expiresAt, now),
        ),
      )
      .limit(1)
      .for('update', { of: recommendationRequests })
    if (!target) return { duplicate: false, outcome: 'ignored' }
    const { request, application } = target

    await changeRequestStatus(tx, request, {
      to: 'bounced',
      by: 'system',
      now,
      set: { bouncedAt: now },
    })
    await enqueueEmail(tx, {
      template: 'recommender-unavailable',
      to: application.email,
      establishmentId: request.establishmentId,
      dedupeKey: `bounced:${request.id}`,
      props: {
        candidateName: application.firstName ?? candidateDisplayName(application),
        recommenderName: request.recommenderName,
        recommenderEmail: request.recommenderEmail,
        programmeName: target.programmeName,
        reason: 'bounced',
        dashboardUrl: `${appUrl()}/espace`,
      },
    })
    await recordAudit(tx, {
      establishmentId: request.establishmentId,
      actorLabel: 'resend (webhook)',
      action: 'recommendation.bounced',
      subjectType: 'recommendation_request',
      subjectId: request.id,
      before: { status: request.status },
      after: {
        status: 'bounced',
        emailId: target.emailId,
        providerMessageId,
        webhookEventId: event.id,
      },
    })
    return { duplicate: false, outcome: 'bounced' }
  })
}

/** The `outbox_id` tag Resend echoes back (an object in webhooks, a list when sending). */
export function outboxIdTag(tags: unknown): string | undefined {
  const value = Array.isArray(tags)
    ? (
        tags.find(
          (t) => t && typeof t === 'object' && (t as { name?: unknown }).name === 'outbox_id',
        ) as { value?: unknown } | undefined
      )?.value
    : tags && typeof tags === 'object'
      ? (tags as Record<string, unknown>).outbox_id
      : undefined
  return isUuid(value) ? value : undefined
}

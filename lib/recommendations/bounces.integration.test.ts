import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { Webhook } from 'svix'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { POST } from '@/app/api/webhooks/resend/route'
import { db } from '@/db'
import { auditLog, emailOutbox, recommendationRequests, webhookEvents } from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createUser,
} from '@/db/test/factories'
import { submitApplication } from '@/lib/admissions/applications'
import { applicationSchema } from '@/lib/admissions/schemas'
import { handleResendEvent, verifyResendWebhook, type ResendEvent } from './bounces'
import { displayStatus } from './request-status'

async function submittedApplication() {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id)
  const candidate = await createUser(db)
  const data = applicationSchema(2, candidate.email).parse(applicationFormData())
  const { applicationId } = await submitApplication(db, {
    campaignId: campaign.id,
    user: { id: candidate.id, email: candidate.email },
    data,
  })
  const requests = await db
    .select()
    .from(recommendationRequests)
    .where(eq(recommendationRequests.applicationId, applicationId))
    .orderBy(recommendationRequests.slot)
  // As the dispatcher records it once Resend accepted the invitation.
  const providerIds: string[] = []
  for (const request of requests) {
    const providerId = `re_${randomUUID()}`
    await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: new Date(), providerMessageId: providerId })
      .where(eq(emailOutbox.id, request.invitationEmailId!))
    providerIds.push(providerId)
  }
  return { candidate, requests, providerIds }
}

const bounce = (emailId: string, to = 'x@ac-toulouse.fr'): ResendEvent => ({
  id: `msg_${randomUUID()}`,
  type: 'email.bounced',
  data: {
    email_id: emailId,
    to: [to],
    subject: 'Demande d’avis',
    created_at: new Date().toISOString(),
    bounce: { type: 'Permanent', subType: 'General', message: 'Mailbox does not exist' },
  },
})

async function requestRow(id: string) {
  const [row] = await db
    .select()
    .from(recommendationRequests)
    .where(eq(recommendationRequests.id, id))
  return row!
}

const candidateNotices = (email: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'recommender-unavailable')),
    )
const bounceAudits = (requestId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, requestId), eq(auditLog.action, 'recommendation.bounced')))

describe('bounces reported by Resend', () => {
  it('mark the request "adresse invalide" and ask the candidate, once, to name someone else', async () => {
    const { candidate, requests, providerIds } = await submittedApplication()
    const [request, other] = requests
    const event = bounce(providerIds[0]!, request!.recommenderEmail)
    expect(await handleResendEvent(db, event)).toEqual({ duplicate: false, outcome: 'bounced' })

    const row = await requestRow(request!.id)
    expect(row.status).toBe('bounced')
    expect(row.bouncedAt).toBeInstanceOf(Date)
    expect(displayStatus(row, 'sent')).toBe('invalid_address')
    expect((await requestRow(other!.id)).status).toBe('invited')

    const notices = await candidateNotices(candidate.email)
    expect(notices).toHaveLength(1)
    expect(notices[0]!.subject).toBe(`Adresse invalide pour ${request!.recommenderName}`)
    expect(notices[0]!.text).toContain('n’a pas pu être distribué')
    expect(notices[0]!.text).toContain(request!.recommenderEmail)
    expect(await bounceAudits(request!.id)).toHaveLength(1)
    const [stored] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, event.id))
    expect(stored).toMatchObject({ provider: 'resend', type: 'email.bounced' })
  })

  it('match by our outbox id tag when the bounce arrives before Resend’s id was recorded', async () => {
    const { candidate, requests } = await submittedApplication()
    const request = requests[1]!
    await db
      .update(emailOutbox)
      .set({ providerMessageId: null })
      .where(eq(emailOutbox.id, request.invitationEmailId!))
    const event = bounce('re_not_recorded_yet', request.recommenderEmail)
    event.data.tags = { outbox_id: request.invitationEmailId! }
    expect(await handleResendEvent(db, event)).toEqual({ duplicate: false, outcome: 'bounced' })
    expect((await requestRow(request.id)).status).toBe('bounced')
    expect(await candidateNotices(candidate.email)).toHaveLength(1)
  })

  it('change nothing when the same event is delivered again, even at the same moment', async () => {
    const { candidate, requests, providerIds } = await submittedApplication()
    const event = bounce(providerIds[0]!)
    const results = await Promise.all([handleResendEvent(db, event), handleResendEvent(db, event)])
    expect(results.filter((r) => r.duplicate)).toHaveLength(1)
    const bouncedAt = (await requestRow(requests[0]!.id)).bouncedAt

    expect(await handleResendEvent(db, event, new Date(Date.now() + 60_000))).toEqual({
      duplicate: true,
    })
    expect((await requestRow(requests[0]!.id)).bouncedAt).toEqual(bouncedAt)
    expect(await candidateNotices(candidate.email)).toHaveLength(1)
    expect(await bounceAudits(requests[0]!.id)).toHaveLength(1)
    expect(
      await db.select().from(webhookEvents).where(eq(webhookEvents.id, event.id)),
    ).toHaveLength(1)
  })

  it('tell the candidate once even when a second email to the same address bounces', async () => {
    const { candidate, requests, providerIds } = await submittedApplication()
    await handleResendEvent(db, bounce(providerIds[0]!))
    expect(await handleResendEvent(db, bounce(providerIds[0]!))).toEqual({
      duplicate: false,
      outcome: 'ignored',
    })
    expect(await candidateNotices(candidate.email)).toHaveLength(1)
    expect(await bounceAudits(requests[0]!.id)).toHaveLength(1)
  })

  it('record and ignore a bounce for an email id they do not know', async () => {
    const event = bounce(`re_${randomUUID()}`)
    expect(await handleResendEvent(db, event)).toEqual({ duplicate: false, outcome: 'ignored' })
    const [stored] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, event.id))
    expect(stored!.payload).toMatchObject({
      type: 'email.bounced',
      data: { email_id: event.data.email_id },
    })
    expect(await handleResendEvent(db, event)).toEqual({ duplicate: true })
  })

  it('leave an answered request as it is', async () => {
    const { candidate, requests, providerIds } = await submittedApplication()
    await db
      .update(recommendationRequests)
      .set({ status: 'received', respondedAt: new Date() })
      .where(eq(recommendationRequests.id, requests[0]!.id))
    expect(await handleResendEvent(db, bounce(providerIds[0]!))).toEqual({
      duplicate: false,
      outcome: 'ignored',
    })
    const row = await requestRow(requests[0]!.id)
    expect(row.status).toBe('received')
    expect(row.bouncedAt).toBeNull()
    expect(await candidateNotices(candidate.email)).toHaveLength(0)
  })

  it('ignore bounces of other emails and other event types', async () => {
    const { candidate, requests, providerIds } = await submittedApplication()
    // The candidate's own receipt bouncing says nothing about a recommender.
    const [receipt] = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, candidate.email),
          eq(emailOutbox.template, 'application-submitted'),
        ),
      )
    const receiptProviderId = `re_${randomUUID()}`
    await db
      .update(emailOutbox)
      .set({ status: 'sent', providerMessageId: receiptProviderId })
      .where(eq(emailOutbox.id, receipt!.id))
    expect(await handleResendEvent(db, bounce(receiptProviderId))).toEqual({
      duplicate: false,
      outcome: 'ignored',
    })
    const delivered: ResendEvent = {
      id: `msg_${randomUUID()}`,
      type: 'email.delivered',
      data: { email_id: providerIds[0]! },
    }
    expect(await handleResendEvent(db, delivered)).toEqual({ duplicate: false, outcome: 'ignored' })
    expect((await requestRow(requests[0]!.id)).status).toBe('invited')
    expect(
      await db.select().from(webhookEvents).where(eq(webhookEvents.id, delivered.id)),
    ).toHaveLength(1)
  })
})

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`

function signed(secret: string, body: string, id = `msg_${randomUUID()}`) {
  const timestamp = new Date()
  return {
    'svix-id': id,
    'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'svix-signature': new Webhook(secret).sign(id, timestamp, body),
  }
}

describe('Resend webhook signature', () => {
  const secret = newSecret()
  const body = JSON.stringify({
    type: 'email.bounced',
    created_at: new Date().toISOString(),
    data: { email_id: 're_123', to: ['x@example.org'] },
  })

  it('accepts a payload signed with the secret and reads the event', () => {
    const headers = signed(secret, body, 'msg_valid')
    expect(verifyResendWebhook(body, headers, secret)).toEqual({
      ok: true,
      event: {
        id: 'msg_valid',
        type: 'email.bounced',
        data: { email_id: 're_123', to: ['x@example.org'] },
      },
    })
    expect(verifyResendWebhook(body, new Headers(headers), secret).ok).toBe(true)
  })

  it('refuses a tampered body, another secret, missing headers and an old timestamp', () => {
    const headers = signed(secret, body)
    expect(verifyResendWebhook(body.replace('re_123', 're_456'), headers, secret)).toEqual({
      ok: false,
      reason: 'signature',
    })
    expect(verifyResendWebhook(body, headers, newSecret())).toEqual({
      ok: false,
      reason: 'signature',
    })
    expect(verifyResendWebhook(body, {}, secret)).toEqual({ ok: false, reason: 'signature' })
    expect(verifyResendWebhook(body, { ...headers, 'svix-signature': undefined }, secret)).toEqual({
      ok: false,
      reason: 'signature',
    })
    const old = new Date(Date.now() - 10 * 60_000)
    const replayed = {
      'svix-id': 'msg_old',
      'svix-timestamp': String(Math.floor(old.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign('msg_old', old, body),
    }
    expect(verifyResendWebhook(body, replayed, secret)).toEqual({ ok: false, reason: 'signature' })
  })

  it('refuses a signed body that is not an event', () => {
    expect(verifyResendWebhook('[1,2]', signed(secret, '[1,2]'), secret)).toEqual({
      ok: false,
      reason: 'payload',
    })
    expect(verifyResendWebhook('not json', signed(secret, 'not json'), secret)).toEqual({
      ok: false,
      reason: 'payload',
    })
  })
})

describe('POST /api/webhooks/resend', () => {
  const secret = newSecret()
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  const post = (body: string, headers: Record<string, string>) =>
    POST(
      new Request('http://localhost/api/webhooks/resend', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    )

  it('handles a signed bounce', async () => {
    vi.stubEnv('RESEND_WEBHOOK_SECRET', secret)
    const { requests, providerIds } = await submittedApplication()
    const body = JSON.stringify({
      type: 'email.bounced',
      created_at: new Date().toISOString(),
      data: { email_id: providerIds[1]!, to: [requests[1]!.recommenderEmail] },
    })
    const headers = signed(secret, body)
    const response = await post(body, headers)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ duplicate: false, outcome: 'bounced' })
    expect((await requestRow(requests[1]!.id)).status).toBe('bounced')
    expect(await (await post(body, headers)).json()).toEqual({ duplicate: true })
  })

  it('answers 401 to a bad or missing signature, without touching anything', async () => {
    vi.stubEnv('RESEND_WEBHOOK_SECRET', secret)
    const { requests, providerIds } = await submittedApplication()
    const body = JSON.stringify({ type: 'email.bounced', data: { email_id: providerIds[0]! } })
    expect((await post(body, signed(newSecret(), body))).status).toBe(401)
    expect((await post(body, {})).status).toBe(401)
    const tampered = JSON.stringify({
      type: 'email.bounced',
      data: { email_id: providerIds[0]!, x: 1 },
    })
    expect((await post(tampered, signed(secret, body))).status).toBe(401)
    expect((await requestRow(requests[0]!.id)).status).toBe('invited')
  })

  it('answers 503 while the secret is not configured', async () => {
    vi.stubEnv('RESEND_WEBHOOK_SECRET', '')
    const body = JSON.stringify({ type: 'email.bounced', data: { email_id: 're_x' } })
    expect((await post(body, signed(secret, body))).status).toBe(503)
  })
})

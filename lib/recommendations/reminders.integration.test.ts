import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  applications,
  auditLog,
  emailOutbox,
  recommendationLinks,
  recommendationRequests,
  type AdmissionCampaign,
  type RecommendationRequest,
  type RequestStatus,
} from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createUser,
} from '@/db/test/factories'
import { submitApplication } from '@/lib/admissions/applications'
import { applicationSchema } from '@/lib/admissions/schemas'
import { findOpenLink } from './links'
import { REMINDER_STEPS, reminderDedupeKey, sendDueReminders } from './reminders'

const DAY = 86_400_000
const HOUR = 3_600_000

// Other files' requests have deadlines within weeks of now. Ours are years away and 60 days
// apart, so a run at one of our J-n finds no one else's request and no other test's.
let farOffset = 0
const farDeadline = () => new Date(Date.now() + (800 + 60 * farOffset++) * DAY)

/** `days` before the deadline (negative: after it), plus `hours`. */
const before = (deadline: Date, days: number, hours = 0) =>
  new Date(deadline.getTime() - days * DAY + hours * HOUR)

async function campaignWithDeadline(recommenders = 2) {
  const deadline = farDeadline()
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, {
    recommendationDeadline: deadline,
    requiredRecommendations: recommenders,
  })
  return campaign
}

async function submittedApplication(campaign: AdmissionCampaign) {
  const candidate = await createUser(db)
  const form = applicationFormData({}, campaign.requiredRecommendations)
  const data = applicationSchema(campaign.requiredRecommendations, candidate.email).parse(form)
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
  return { applicationId, requests, deadline: campaign.recommendationDeadline }
}

async function freshRequests(recommenders = 2) {
  return submittedApplication(await campaignWithDeadline(recommenders))
}

const allKeys = (requestIds: string[]) =>
  requestIds.flatMap((id) => REMINDER_STEPS.map((step) => reminderDedupeKey(id, step)))

/** The reminder emails queued for these requests. */
async function reminderEmails(requests: RecommendationRequest[]) {
  return db
    .select()
    .from(emailOutbox)
    .where(inArray(emailOutbox.dedupeKey, allKeys(requests.map((r) => r.id))))
}

/** Which steps each request was reminded at, e.g. [['j-3', 'j-7'], []]. */
async function stepsSent(requests: RecommendationRequest[]) {
  const emails = await reminderEmails(requests)
  return requests.map((r) =>
    emails
      .filter((e) => e.dedupeKey!.startsWith(`reminder:${r.id}:`))
      .map((e) => e.dedupeKey!.split(':')[2]!)
      .sort(),
  )
}

const tokenIn = (text: string) => text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)![1]!

async function setStatus(request: RecommendationRequest, status: RequestStatus) {
  await db
    .update(recommendationRequests)
    .set({ status })
    .where(eq(recommendationRequests.id, request.id))
}

describe('reminders to recommenders', () => {
  it('sends the J-7 reminder at J-7, not before, with a new link that opens the request', async () => {
    const { requests, deadline } = await freshRequests()
    await sendDueReminders(db, before(deadline, 7, -1))
    expect(await stepsSent(requests)).toEqual([[], []])

    expect(await sendDueReminders(db, before(deadline, 7))).toBeGreaterThanOrEqual(2)
    expect(await stepsSent(requests)).toEqual([['j-7'], ['j-7']])

    const emails = await reminderEmails(requests)
    for (const request of requests) {
      const email = emails.find((e) => e.dedupeKey === reminderDedupeKey(request.id, 7))!
      expect(email.toAddress).toBe(request.recommenderEmail)
      expect(email.template).toBe('recommendation-invitation')
      expect(email.subject).toMatch(/^Rappel : avis de poursuite d’études pour Léa .+ \(J-7\)$/)
      expect(email.text).toContain('Il reste 7 jours')
      const link = await findOpenLink(db, tokenIn(email.text))
      expect(link?.request.id).toBe(request.id)
      expect(link?.linkKind).toBe('reminder')
      const audit = await db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.subjectId, request.id), eq(auditLog.action, 'recommendation.reminded')),
        )
      expect(audit).toHaveLength(1)
      expect(audit[0]!.after).toMatchObject({ step: 'J-7', emailId: email.id })
    }
    // The invitation's link keeps working.
    const [invitation] = await db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.id, requests[0]!.invitationEmailId!))
    expect((await findOpenLink(db, tokenIn(invitation!.text)))?.request.id).toBe(requests[0]!.id)
  })

  it('sends a step once even when the scheduler runs twice, at the same moment or on two instances', async () => {
    const { requests, deadline } = await freshRequests()
    await Promise.all([1, 2, 3].map(() => sendDueReminders(db, before(deadline, 7))))
    await sendDueReminders(db, before(deadline, 7))
    await sendDueReminders(db, before(deadline, 6))
    expect(await stepsSent(requests)).toEqual([['j-7'], ['j-7']])

    await Promise.all([
      sendDueReminders(db, before(deadline, 3)),
      sendDueReminders(db, before(deadline, 3, 1)),
      sendDueReminders(db, before(deadline, 2)),
    ])
    expect(await stepsSent(requests)).toEqual([
      ['j-3', 'j-7'],
      ['j-3', 'j-7'],
    ])

    // No link is left behind by a run that lost the race: one invitation, one link per reminder, each with its email.
    const links = await db
      .select()
      .from(recommendationLinks)
      .where(
        inArray(
          recommendationLinks.requestId,
          requests.map((r) => r.id),
        ),
      )
    expect(links.filter((l) => l.kind === 'invitation')).toHaveLength(2)
    expect(links.filter((l) => l.kind === 'reminder')).toHaveLength(4)
    expect(links.every((l) => l.emailId !== null)).toBe(true)
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          inArray(
            auditLog.subjectId,
            requests.map((r) => r.id),
          ),
          eq(auditLog.action, 'recommendation.reminded'),
        ),
      )
    expect(audit).toHaveLength(4)
  })

  it('sends J-7, then J-3, then J-1, each once', async () => {
    const { requests, deadline } = await freshRequests()
    for (const days of [7, 6, 4, 3, 2.5, 2, 1, 0.5, 0.01])
      await sendDueReminders(db, before(deadline, days))
    expect(await stepsSent(requests)).toEqual([
      ['j-1', 'j-3', 'j-7'],
      ['j-1', 'j-3', 'j-7'],
    ])
    const emails = await reminderEmails(requests)
    expect(emails.filter((e) => e.subject.endsWith('(J-3)'))).toHaveLength(2)
    expect(
      emails.filter((e) => e.subject.endsWith('(J-1)') && e.text.includes('Il reste 1 jour pour')),
    ).toHaveLength(2)
  })

  it('after the scheduler was down, sends only the latest due step, never a burst or a late J-7', async () => {
    const { requests, deadline } = await freshRequests()
    await sendDueReminders(db, before(deadline, 2))
    expect(await stepsSent(requests)).toEqual([['j-3'], ['j-3']])
    await sendDueReminders(db, before(deadline, 1))
    await sendDueReminders(db, before(deadline, 0.5))
    expect(await stepsSent(requests)).toEqual([
      ['j-1', 'j-3'],
      ['j-1', 'j-3'],
    ])
  })

  it('does not send a step whose time had passed when the request was made', async () => {
    const { requests, deadline } = await freshRequests()
    // The first recommender was asked two days before the deadline, the second five days before.
    await db
      .update(recommendationRequests)
      .set({ createdAt: before(deadline, 2) })
      .where(eq(recommendationRequests.id, requests[0]!.id))
    await db
      .update(recommendationRequests)
      .set({ createdAt: before(deadline, 5) })
      .where(eq(recommendationRequests.id, requests[1]!.id))
    await sendDueReminders(db, before(deadline, 7))
    await sendDueReminders(db, before(deadline, 5))
    expect(await stepsSent(requests)).toEqual([[], []])
    await sendDueReminders(db, before(deadline, 3))
    await sendDueReminders(db, before(deadline, 1.5))
    expect(await stepsSent(requests)).toEqual([[], ['j-3']])
    await sendDueReminders(db, before(deadline, 1))
    expect(await stepsSent(requests)).toEqual([['j-1'], ['j-1', 'j-3']])
  })

  it('reminds no one who has answered, declined, been replaced or bounced, nor for a withdrawn application', async () => {
    const campaign = await campaignWithDeadline(5)
    const { requests, deadline } = await submittedApplication(campaign)
    const withdrawn = await submittedApplication(campaign)
    await setStatus(requests[0]!, 'received')
    await setStatus(requests[1]!, 'declined')
    await setStatus(requests[2]!, 'revoked')
    await setStatus(requests[3]!, 'bounced')
    await setStatus(requests[4]!, 'opened')
    await db
      .update(applications)
      .set({ status: 'withdrawn', withdrawnAt: new Date() })
      .where(eq(applications.id, withdrawn.applicationId))

    await sendDueReminders(db, before(deadline, 7))
    // Only the recommender who opened the link and has not answered yet.
    expect(await stepsSent(requests)).toEqual([[], [], [], [], ['j-7']])
    expect(await stepsSent(withdrawn.requests)).toEqual([[], [], [], [], []])

    // Once they answer, the next steps are not sent.
    await setStatus(requests[4]!, 'received')
    await sendDueReminders(db, before(deadline, 3))
    await sendDueReminders(db, before(deadline, 1))
    expect(await stepsSent(requests)).toEqual([[], [], [], [], ['j-7']])
    expect(await stepsSent(withdrawn.requests)).toEqual([[], [], [], [], []])
  })

  it('sends nothing at or after the deadline', async () => {
    const { requests, deadline } = await freshRequests()
    await sendDueReminders(db, before(deadline, 0))
    await sendDueReminders(db, before(deadline, -1))
    await sendDueReminders(db, before(deadline, -10))
    expect(await stepsSent(requests)).toEqual([[], []])
  })
})

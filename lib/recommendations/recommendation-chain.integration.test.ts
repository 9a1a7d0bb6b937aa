import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  applications,
  auditLog,
  emailOutbox,
  recommendationLinks,
  recommendationRequests,
  recommendations,
} from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createUser,
} from '@/db/test/factories'
import { submitApplication } from '@/lib/admissions/applications'
import { reviewCompleteness } from '@/lib/admissions/completeness'
import { applicationSchema } from '@/lib/admissions/schemas'
import { InvalidLinkError, UserFacingError } from '@/lib/errors'
import { mailboxSmsSender } from '@/lib/sms/sender'
import { findOpenLink, recordOpening, revokeLinks } from './links'
import { confirmPhoneCode, sendPhoneCode } from './phone-verification'
import { campaignQuestions } from './questions'
import {
  declineRecommendation,
  hashedContent,
  loadSubmission,
  saveRecommendationDraft,
  submitRecommendation,
} from './respond'
import { recommendationSchema } from './schemas'
import { hashLinkToken } from '@/lib/auth/link-tokens'

const DAY = 86_400_000
const context = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 test' }

async function submittedApplication(
  options: { requiredRecommendations?: number; recommendationDeadline?: Date } = {},
) {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, options)
  const candidate = await createUser(db)
  const form = applicationFormData({}, campaign.requiredRecommendations)
  const data = applicationSchema(campaign.requiredRecommendations, candidate.email).parse(form)
  const result = await submitApplication(db, {
    campaignId: campaign.id,
    user: { id: candidate.id, email: candidate.email },
    data,
  })
  return { establishment, campaign, candidate, form, data, ...result }
}

/** Tokens exist only in emails: read them back from the outbox, as a recommender would. */
async function tokensFromOutbox(recommenderEmails: string[]) {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.toAddress, recommenderEmails),
        eq(emailOutbox.template, 'recommendation-invitation'),
      ),
    )
  return recommenderEmails.map((email) => {
    const row = rows.find((r) => r.toAddress === email)!
    return row.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)![1]!
  })
}

async function validRecommendation(campaignId: string) {
  const questions = await campaignQuestions(db, campaignId)
  const answers = Object.fromEntries(
    questions.map((q) => [
      q.id,
      q.kind === 'scale' ? 'tres_bien' : 'Étudiante sérieuse et investie.',
    ]),
  )
  return recommendationSchema(questions).parse({
    answers,
    opinion: 'tres_favorable',
    phone: '06 11 22 33 44',
    certified: true,
  }) as never
}

describe('application submission', () => {
  it('creates one request per recommender with its own link, and queues their invitations and the candidate’s receipt', async () => {
    const { applicationId, alreadySubmitted, form, candidate, campaign } =
      await submittedApplication()
    expect(alreadySubmitted).toBe(false)
    const requests = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.applicationId, applicationId))
    expect(requests.map((r) => r.recommenderEmail).sort()).toEqual(
      form.recommenders.map((r) => r.email).sort(),
    )
    expect(
      requests.every(
        (r) =>
          r.status === 'invited' &&
          r.expiresAt.getTime() === campaign.recommendationDeadline.getTime(),
      ),
    ).toBe(true)

    const invitations = await db
      .select()
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.toAddress,
          form.recommenders.map((r) => r.email),
        ),
      )
    expect(invitations).toHaveLength(2)
    for (const email of invitations) {
      expect(email.subject).toBe(`Demande d’avis de poursuite d’études pour Léa ${form.lastName}`)
      expect(email.text).toContain('Date limite')
      expect(email.text).toContain('Donner mon avis')
      expect(email.text).toMatch(/\/recommandation\/[A-Za-z0-9_-]{43}/)
    }
    const tokens = await tokensFromOutbox(form.recommenders.map((r) => r.email))
    expect(new Set(tokens).size).toBe(2)
    // Only hashes are stored.
    const links = await db
      .select()
      .from(recommendationLinks)
      .where(
        inArray(
          recommendationLinks.requestId,
          requests.map((r) => r.id),
        ),
      )
    expect(links.map((l) => l.tokenHash).sort()).toEqual(tokens.map(hashLinkToken).sort())
    expect(JSON.stringify(links)).not.toContain(tokens[0])

    const receipt = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, candidate.email),
          eq(emailOutbox.template, 'application-submitted'),
        ),
      )
    expect(receipt).toHaveLength(1)
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.subjectId, applicationId), eq(auditLog.action, 'application.submitted')),
      )
    expect(audit).toHaveLength(1)
  })

  it('never creates two of anything when submitted twice, even at the same moment', async () => {
    const establishment = await createEstablishment(db)
    const { campaign } = await createCampaign(db, establishment.id)
    const candidate = await createUser(db)
    const data = applicationSchema(2, candidate.email).parse(applicationFormData())
    const submit = () =>
      submitApplication(db, {
        campaignId: campaign.id,
        user: { id: candidate.id, email: candidate.email },
        data,
      })
    const results = await Promise.all([submit(), submit(), submit()])
    expect(new Set(results.map((r) => r.applicationId)).size).toBe(1)
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1)
    const rows = await db
      .select()
      .from(applications)
      .where(eq(applications.candidateUserId, candidate.id))
    expect(rows).toHaveLength(1)
    expect(
      await db
        .select()
        .from(recommendationRequests)
        .where(eq(recommendationRequests.applicationId, rows[0]!.id)),
    ).toHaveLength(2)
    expect(
      await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, candidate.email)),
    ).toHaveLength(1)
  })

  it('is refused once the campaign has closed, and stores nothing', async () => {
    const establishment = await createEstablishment(db)
    const { campaign } = await createCampaign(db, establishment.id, {
      opensAt: new Date(Date.now() - 10 * DAY),
      closesAt: new Date(Date.now() - DAY),
    })
    const candidate = await createUser(db)
    const data = applicationSchema(2, candidate.email).parse(applicationFormData())
    await expect(
      submitApplication(db, {
        campaignId: campaign.id,
        user: { id: candidate.id, email: candidate.email },
        data,
      }),
    ).rejects.toThrow(UserFacingError)
    expect(
      await db.select().from(applications).where(eq(applications.candidateUserId, candidate.id)),
    ).toHaveLength(0)
  })
})

describe('recommendation links', () => {
  it('open only their own request, and opening records "ouverte" without consuming anything', async () => {
    const { form } = await submittedApplication()
    const [token] = await tokensFromOutbox([form.recommenders[0]!.email])
    const link = await findOpenLink(db, token!)
    expect(link?.request.recommenderEmail).toBe(form.recommenders[0]!.email)
    await recordOpening(db, link!)
    await recordOpening(db, link!)
    const [request] = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.id, link!.request.id))
    expect(request!.status).toBe('opened')
    expect(await findOpenLink(db, token!)).not.toBeNull()
  })

  it('give nothing for an unknown, tampered, expired or revoked token', async () => {
    const { form } = await submittedApplication({
      recommendationDeadline: new Date(Date.now() + 2 * DAY),
    })
    const [token, other] = await tokensFromOutbox(form.recommenders.map((r) => r.email))
    expect(await findOpenLink(db, 'A'.repeat(43))).toBeNull()
    expect(
      await findOpenLink(db, `${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`),
    ).toBeNull()
    expect(await findOpenLink(db, 'not-a-token')).toBeNull()
    expect(await findOpenLink(db, token!, new Date(Date.now() + 3 * DAY))).toBeNull()
    const link = await findOpenLink(db, other!)
    await revokeLinks(db, link!.request.id)
    expect(await findOpenLink(db, other!)).toBeNull()
    await expect(saveRecommendationDraft(db, { token: other!, draft: {} })).rejects.toThrow(
      InvalidLinkError,
    )
  })
})

describe('recommendation submission', () => {
  it('stores the answers with a content hash, a verification code and its context, and queues exactly two emails', async () => {
    const { form, campaign, candidate } = await submittedApplication()
    const recommender = form.recommenders[0]!.email
    const [token] = await tokensFromOutbox([recommender])
    await saveRecommendationDraft(db, { token: token!, draft: { phone: '06 11' } })
    const data = await validRecommendation(campaign.id)
    const before = await db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.toAddress, [recommender, candidate.email]))
    const { verificationCode } = await submitRecommendation(db, {
      submission: await loadSubmission(db, token!),
      data,
      context,
      sms: null,
      onReceived: reviewCompleteness,
    })

    const link = await findOpenLink(db, token!)
    const [stored] = await db
      .select()
      .from(recommendations)
      .where(eq(recommendations.requestId, link!.request.id))
    expect(stored).toMatchObject({
      verificationCode,
      phone: '+33611223344',
      phoneConfirmed: false,
      certified: true,
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 test',
      opinion: 'tres_favorable',
    })
    expect(stored!.submittedAnswers).toHaveLength(7)
    expect(stored!.contentHash).toBe(
      hashedContent({
        requestId: stored!.requestId,
        recommenderEmail: recommender,
        answers: stored!.submittedAnswers!,
        opinion: 'tres_favorable',
        phone: '+33611223344',
        phoneConfirmed: false,
        submittedAt: stored!.submittedAt!,
      }),
    )
    expect(link!.request.status).toBe('received')

    const after = await db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.toAddress, [recommender, candidate.email]))
    const fresh = after.filter((e) => !before.some((b) => b.id === e.id))
    expect(fresh.map((e) => [e.toAddress, e.template]).sort()).toEqual(
      [
        [candidate.email, 'recommendation-received'],
        [recommender, 'recommendation-confirmation'],
      ].sort(),
    )
    const confirmation = fresh.find((e) => e.template === 'recommendation-confirmation')!
    expect(confirmation.text).toContain(verificationCode)
    const notice = fresh.find((e) => e.template === 'recommendation-received')!
    expect(notice.text).not.toContain('Étudiante sérieuse')
    expect(notice.text).not.toContain('Très favorable')
  })

  it('refuses a second submission of the same recommendation, even concurrent', async () => {
    const { form, campaign } = await submittedApplication()
    const [token] = await tokensFromOutbox([form.recommenders[0]!.email])
    const data = await validRecommendation(campaign.id)
    const results = await Promise.allSettled(
      [1, 2, 3].map(async () =>
        submitRecommendation(db, {
          submission: await loadSubmission(db, token!),
          data,
          context,
          sms: null,
          onReceived: reviewCompleteness,
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => (r as PromiseRejectedResult).reason instanceof UserFacingError),
    ).toBe(true)
    const link = await findOpenLink(db, token!)
    expect(
      await db
        .select()
        .from(recommendations)
        .where(eq(recommendations.requestId, link!.request.id)),
    ).toHaveLength(1)
    const confirmations = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, form.recommenders[0]!.email),
          eq(emailOutbox.template, 'recommendation-confirmation'),
        ),
      )
    expect(confirmations).toHaveLength(1)
    await expect(
      saveRecommendationDraft(db, { token: token!, draft: { phone: 'x' } }),
    ).rejects.toThrow(/déjà été transmis/)
  })

  it('accepts a submission prepared before the recommender opened the link in another tab', async () => {
    const { form, campaign } = await submittedApplication()
    const [token] = await tokensFromOutbox([form.recommenders[0]!.email])
    const data = await validRecommendation(campaign.id)
    const submission = await loadSubmission(db, token!)
    expect(submission.link.request.status).toBe('invited')
    expect(submission.progress).toEqual({ received: 0, live: form.recommenders.length })
    await recordOpening(db, submission.link)
    await submitRecommendation(db, {
      submission,
      data,
      context,
      sms: null,
      onReceived: reviewCompleteness,
    })
    const [request] = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.id, submission.link.request.id))
    expect(request!.status).toBe('received')
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.subjectId, request!.id), eq(auditLog.action, 'recommendation.submitted')),
      )
    expect(entry!.before).toEqual({ status: 'opened' })
  })

  it('is refused when the candidate replaced the recommender meanwhile', async () => {
    const { form, campaign } = await submittedApplication()
    const [token] = await tokensFromOutbox([form.recommenders[0]!.email])
    const data = await validRecommendation(campaign.id)
    const submission = await loadSubmission(db, token!)
    await db
      .update(recommendationRequests)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(eq(recommendationRequests.id, submission.link.request.id))
    await revokeLinks(db, submission.link.request.id)
    await expect(
      submitRecommendation(db, {
        submission,
        data,
        context,
        sms: null,
        onReceived: reviewCompleteness,
      }),
    ).rejects.toThrow(InvalidLinkError)
    expect(
      await db
        .select()
        .from(recommendations)
        .where(eq(recommendations.requestId, submission.link.request.id)),
    ).toHaveLength(0)
  })

  it('is refused after the deadline', async () => {
    const { form, campaign } = await submittedApplication({
      recommendationDeadline: new Date(Date.now() + DAY),
    })
    const [token] = await tokensFromOutbox([form.recommenders[0]!.email])
    const data = await validRecommendation(campaign.id)
    const later = new Date(Date.now() + 2 * DAY)
    await expect(loadSubmission(db, token!, later)).rejects.toThrow(InvalidLinkError)
    // Loaded before the deadline, committed after it: the check under lock refuses it too.
    await expect(
      submitRecommendation(db, {
        submission: await loadSubmission(db, token!),
        data,
        context,
        sms: null,
        onReceived: reviewCompleteness,
        now: later,
      }),
    ).rejects.toThrow(InvalidLinkError)
  })

  it('requires the SMS code when a provider is configured, and records the phone as confirmed', async () => {
    const { form, campaign } = await submittedApplication()
    const recommender = form.recommenders[0]!.email
    const [token] = await tokensFromOutbox([recommender])
    const data = await validRecommendation(campaign.id)
    const sms = mailboxSmsSender()
    await expect(
      submitRecommendation(db, {
        submission: await loadSubmission(db, token!),
        data,
        context,
        sms,
        onReceived: reviewCompleteness,
      }),
    ).rejects.toThrow(/SMS/)

    const link = await findOpenLink(db, token!)
    const phone = '+33611223344'
    await sendPhoneCode(db, sms, { requestId: link!.request.id, phone })
    const [text] = await db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, `sms:${phone}`))
      .orderBy(emailOutbox.createdAt)
    const code = text!.text.match(/\b(\d{6})\b/)![1]!
    const wrong = code === '000000' ? '111111' : '000000'
    await expect(
      confirmPhoneCode(db, { requestId: link!.request.id, phone, code: wrong }),
    ).rejects.toThrow(/Il vous reste 4 essais/)
    await confirmPhoneCode(db, { requestId: link!.request.id, phone, code })
    await submitRecommendation(db, {
      submission: await loadSubmission(db, token!),
      data,
      context,
      sms,
      onReceived: reviewCompleteness,
    })
    const [stored] = await db
      .select()
      .from(recommendations)
      .where(eq(recommendations.requestId, link!.request.id))
    expect(stored!.phoneConfirmed).toBe(true)
  })

  it('burns an SMS code after five wrong tries and expires it after ten minutes', async () => {
    const { form } = await submittedApplication()
    const [token] = await tokensFromOutbox([form.recommenders[0]!.email])
    const link = await findOpenLink(db, token!)
    const phone = '+33699887766'
    const sms = mailboxSmsSender()
    await sendPhoneCode(db, sms, { requestId: link!.request.id, phone })
    const [text] = await db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, `sms:${phone}`))
    const code = text!.text.match(/\b(\d{6})\b/)![1]!
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      await expect(
        confirmPhoneCode(db, { requestId: link!.request.id, phone, code: wrong }),
      ).rejects.toThrow(UserFacingError)
    await expect(
      confirmPhoneCode(db, { requestId: link!.request.id, phone, code }),
    ).rejects.toThrow(/Trop d’essais/)
    await sendPhoneCode(db, sms, { requestId: link!.request.id, phone })
    await expect(
      confirmPhoneCode(db, {
        requestId: link!.request.id,
        phone,
        code: '123456',
        now: new Date(Date.now() + 11 * 60_000),
      }),
    ).rejects.toThrow(/expiré/)
  })

  it('lets the recommender decline with a reason, and tells the candidate to name someone else', async () => {
    const { form, candidate } = await submittedApplication()
    const [token] = await tokensFromOutbox([form.recommenders[1]!.email])
    await declineRecommendation(db, {
      token: token!,
      reason: 'Je ne connais pas assez cette étudiante.',
      context,
    })
    const link = await findOpenLink(db, token!)
    expect(link!.request).toMatchObject({
      status: 'declined',
      declineReason: 'Je ne connais pas assez cette étudiante.',
    })
    const [notice] = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, candidate.email),
          eq(emailOutbox.template, 'recommender-unavailable'),
        ),
      )
    expect(notice!.text).toContain('a décliné')
    expect(notice!.text).toContain('Je ne connais pas assez cette étudiante.')
    await expect(
      declineRecommendation(db, { token: token!, reason: 'encore', context }),
    ).rejects.toThrow(UserFacingError)
  })
})

import { and, asc, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { applications, auditLog, emailOutbox, recommendationRequests } from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createMember,
  createUser,
} from '@/db/test/factories'
import { submitApplication } from '@/lib/admissions/applications'
import { campaignQuestions } from '@/lib/recommendations/questions'
import { loadSubmission, submitRecommendation } from '@/lib/recommendations/respond'
import { recommendationSchema } from '@/lib/recommendations/schemas'
import { applicationSchema } from './schemas'
import { reviewCompleteness } from './completeness'
import { assignReviewer } from './review-assignments'

// A campaign without required documents: the recommendations alone decide completeness.
async function submittedApplication() {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, { requiredRecommendations: 2 })
  const candidate = await createUser(db)
  const form = applicationFormData({}, 2)
  const data = applicationSchema(2, candidate.email).parse(form)
  const { applicationId } = await submitApplication(db, {
    campaignId: campaign.id,
    user: { id: candidate.id, email: candidate.email },
    data,
  })
  const requests = await db
    .select({ email: recommendationRequests.recommenderEmail })
    .from(recommendationRequests)
    .where(eq(recommendationRequests.applicationId, applicationId))
  const invitations = await db
    .select({ text: emailOutbox.text })
    .from(emailOutbox)
    .where(
      and(
        inArray(
          emailOutbox.toAddress,
          requests.map((r) => r.email),
        ),
        eq(emailOutbox.template, 'recommendation-invitation'),
      ),
    )
  const tokens = invitations.map((i) => i.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)![1]!)
  const questions = await campaignQuestions(db, campaign.id)
  const recommend = async (token: string) =>
    submitRecommendation(db, {
      submission: await loadSubmission(db, token),
      data: recommendationSchema(questions).parse({
        answers: Object.fromEntries(
          questions.map((q) => [q.id, q.kind === 'scale' ? 'bien' : 'Sérieuse.']),
        ),
        opinion: 'favorable',
        phone: '06 11 22 33 44',
        certified: true,
      }) as never,
      context: { ip: null, userAgent: null },
      sms: null,
      onReceived: reviewCompleteness,
    })
  const status = async () =>
    (await db.select().from(applications).where(eq(applications.id, applicationId)))[0]!.status
  const statusChanges = async () =>
    (
      await db
        .select({ after: auditLog.after, actorLabel: auditLog.actorLabel })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.subjectId, applicationId),
            eq(auditLog.action, 'application.status_changed'),
          ),
        )
        .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
    ).map((e) => [(e.after as { status: string }).status, e.actorLabel])
  return { establishment, applicationId, tokens, recommend, status, statusChanges }
}

describe('completeness when recommendations arrive', () => {
  it('makes the file complete with its last awaited recommendation, not before, with an audit entry', async () => {
    const file = await submittedApplication()
    expect(file.tokens).toHaveLength(2)
    await file.recommend(file.tokens[0]!)
    expect(await file.status()).toBe('submitted')
    expect(await file.statusChanges()).toEqual([])

    await file.recommend(file.tokens[1]!)
    expect(await file.status()).toBe('complete')
    expect(await file.statusChanges()).toEqual([['complete', 'Tremplin (automatique)']])
  })

  it('puts a file already assigned to a reviewer under review as soon as it is complete', async () => {
    const file = await submittedApplication()
    const coordinator = await createMember(db, file.establishment.id, 'coordinator')
    const reviewer = await createMember(db, file.establishment.id, 'reviewer')
    await assignReviewer(
      db,
      { establishmentId: file.establishment.id, actorUserId: coordinator.id },
      { applicationIds: [file.applicationId], reviewerId: reviewer.id },
    )
    expect(await file.status()).toBe('submitted')

    for (const token of file.tokens) await file.recommend(token)
    expect(await file.status()).toBe('under_review')
    expect(await file.statusChanges()).toEqual([
      ['complete', 'Tremplin (automatique)'],
      ['under_review', 'Tremplin (automatique)'],
    ])
  })

  it('completes the file when its two recommendations arrive at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const file = await submittedApplication()
      await Promise.all(file.tokens.map((token) => file.recommend(token)))
      expect(await file.status()).toBe('complete')
      expect(await file.statusChanges()).toEqual([['complete', 'Tremplin (automatique)']])
    }
  })
})

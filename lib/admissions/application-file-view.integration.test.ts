import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { applications, auditLog, emailOutbox, recommendations, type Role } from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createMember,
  createUser,
} from '@/db/test/factories'
import { staffContextOf } from '@/lib/auth/staff-context'
import { loadSubmission, submitRecommendation } from '@/lib/recommendations/respond'
import { recommendationSchema } from '@/lib/recommendations/schemas'
import { applicationFileView } from './application-file-view'
import { submitApplication } from './applications'
import { reviewCompleteness } from './completeness'
import { downloadRecommendation } from './recommendation-download'
import { assignReviewer } from './review-assignments'
import { applicationSchema } from './schemas'

// The staff file page and the recommendation PDF only call these: the rules they carry (who
// sees what, what is on record, whether a recommendation is untouched) are checked here.

const staffOf = (user: { id: string; email: string }, establishmentId: string, role: Role) =>
  staffContextOf(
    {
      user: { ...user, name: null },
      establishmentId,
      memberships: [
        {
          id: 'm',
          role,
          establishmentId,
          establishmentName: 'Lycée',
          establishmentSlug: 'lycee',
          establishmentLogoKey: null,
        },
      ],
    },
    'recommendations.read',
  )

async function scenario() {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id)
  const coordinatorUser = await createMember(db, establishment.id, 'coordinator')
  const reviewerUser = await createMember(db, establishment.id, 'reviewer')
  const candidate = await createUser(db)
  const form = applicationFormData()
  const { applicationId } = await submitApplication(db, {
    campaignId: campaign.id,
    user: { id: candidate.id, email: candidate.email },
    data: applicationSchema(2, candidate.email).parse(form),
  })
  const [invitation] = await db
    .select()
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.toAddress, form.recommenders[0]!.email),
        eq(emailOutbox.template, 'recommendation-invitation'),
      ),
    )
  const token = invitation!.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)![1]!
  const submission = await loadSubmission(db, token)
  const { questions } = submission
  await submitRecommendation(db, {
    submission,
    data: recommendationSchema(questions).parse({
      answers: Object.fromEntries(
        questions.map((q) => [q.id, q.kind === 'scale' ? 'excellent' : 'Très bon élève.']),
      ),
      opinion: 'favorable',
      phone: '+33 6 11 22 33 44',
      certified: true,
    }) as never,
    context: { ip: null, userAgent: null },
    sms: null,
    onReceived: reviewCompleteness,
  })
  return {
    establishment,
    applicationId,
    coordinator: staffOf(coordinatorUser, establishment.id, 'coordinator'),
    reviewerUser,
    reviewer: staffOf(reviewerUser, establishment.id, 'reviewer'),
  }
}

const auditOf = (actorUserId: string, action: string) =>
  db
    .select({ subjectId: auditLog.subjectId, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, actorUserId), eq(auditLog.action, action)))

describe('the staff file of an application', () => {
  it('puts every received recommendation it shows on record, and shows it untouched', async () => {
    const { applicationId, coordinator } = await scenario()
    const view = (await applicationFileView(db, coordinator, applicationId))!
    expect(view.receivedRecommendations).toBe(1)
    const received = view.recommendations.filter((r) => r.received)
    expect(received).toHaveLength(1)
    expect(received[0]!.received!.intact).toBe(true)
    expect(received[0]!.received!.usedLinkKind).toBe('invitation')
    expect(await auditOf(coordinator.actor.actorUserId, 'recommendation.viewed')).toEqual([
      { subjectId: received[0]!.request.id, after: { via: 'fiche' } },
    ])
  })

  it('says when a recommendation was changed after its submission', async () => {
    const { applicationId, coordinator } = await scenario()
    const before = (await applicationFileView(db, coordinator, applicationId))!
    const requestId = before.recommendations.find((r) => r.received)!.request.id
    await db
      .update(recommendations)
      .set({ opinion: 'reserve' })
      .where(eq(recommendations.requestId, requestId))
    const after = (await applicationFileView(db, coordinator, applicationId))!
    expect(after.recommendations.find((r) => r.received)!.received!.intact).toBe(false)
  })

  it('offers a coordinator the document verdicts while the file awaits examination, the decision once it is examined', async () => {
    const { applicationId, coordinator } = await scenario()
    const submitted = (await applicationFileView(db, coordinator, applicationId))!
    expect(submitted.application.status).toBe('submitted')
    expect(submitted.may).toEqual({
      seeList: true,
      enterDecision: false,
      reviewDocuments: true,
      liftInvitationLimits: true,
    })
    expect(submitted.review.seesColleagues).toBe(true)
    // (Getting there takes every recommendation and document: the state is set directly.)
    await db
      .update(applications)
      .set({ status: 'under_review' })
      .where(eq(applications.id, applicationId))
    const examined = (await applicationFileView(db, coordinator, applicationId))!
    expect(examined.application.status).toBe('under_review')
    expect(examined.may.enterDecision).toBe(true)
  })

  it('is not shown to a reviewer the file is not assigned to, and records nothing', async () => {
    const { applicationId, reviewer } = await scenario()
    expect(await applicationFileView(db, reviewer, applicationId)).toBeUndefined()
    expect(await auditOf(reviewer.actor.actorUserId, 'recommendation.viewed')).toEqual([])
  })

  it('hides colleagues’ marks from an assigned reviewer until their own grid is finished', async () => {
    const { applicationId, coordinator, reviewer, reviewerUser } = await scenario()
    await assignReviewer(db, coordinator.actor, {
      applicationIds: [applicationId],
      reviewerId: reviewerUser.id,
    })
    const view = (await applicationFileView(db, reviewer, applicationId))!
    expect(view.review.assignment).toBeTruthy()
    expect(view.review.seesColleagues).toBe(false)
    expect(view.review.colleagues).toBeNull()
    expect(view.may.reviewDocuments).toBe(false)
    expect(view.may.liftInvitationLimits).toBe(false)
  })
})

describe('downloading a recommendation', () => {
  it('gives the document with its verification code and puts the download on record', async () => {
    const { applicationId, coordinator } = await scenario()
    const view = (await applicationFileView(db, coordinator, applicationId))!
    const requestId = view.recommendations.find((r) => r.received)!.request.id
    const found = (await downloadRecommendation(db, coordinator, requestId))!
    const code = view.recommendations.find((r) => r.received)!.received!.verificationCode!
    expect(found.document.verificationCode).toBe(code)
    expect(found.document.verifyUrl).toMatch(new RegExp(`/verifier/${code}$`))
    expect(found.document.phone).toBe('+33 6 11 22 33 44')
    expect(found.fileName).toMatch(new RegExp(`-${code}\\.pdf$`))
    expect(await auditOf(coordinator.actor.actorUserId, 'recommendation.downloaded')).toEqual([
      { subjectId: requestId, after: null },
    ])
  })

  it('gives nothing outside the person’s scope, nor for a request not yet answered, and records nothing', async () => {
    const { applicationId, coordinator, reviewer } = await scenario()
    const view = (await applicationFileView(db, coordinator, applicationId))!
    const answered = view.recommendations.find((r) => r.received)!.request.id
    const awaited = view.recommendations.find((r) => !r.received)!.request.id
    const other = await createEstablishment(db)
    const stranger = staffOf(coordinator.user, other.id, 'coordinator')
    expect(await downloadRecommendation(db, reviewer, answered)).toBeNull()
    expect(await downloadRecommendation(db, stranger, answered)).toBeNull()
    expect(await downloadRecommendation(db, coordinator, awaited)).toBeNull()
    expect(await downloadRecommendation(db, coordinator, 'pas-un-identifiant')).toBeNull()
    expect(await auditOf(coordinator.actor.actorUserId, 'recommendation.downloaded')).toEqual([])
    expect(await auditOf(reviewer.actor.actorUserId, 'recommendation.downloaded')).toEqual([])
  })
})

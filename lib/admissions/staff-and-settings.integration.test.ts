import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { emailOutbox, recommendationQuestions, recommendationRequests } from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createMember,
  createUser,
} from '@/db/test/factories'
import { UserFacingError } from '@/lib/errors'
import { replaceRecommender, resendInvitation } from '@/lib/recommendations/candidate-actions'
import { findOpenLink } from '@/lib/recommendations/links'
import { campaignQuestions } from '@/lib/recommendations/questions'
import { loadSubmission, submitRecommendation } from '@/lib/recommendations/respond'
import { recommendationSchema } from '@/lib/recommendations/schemas'
import { applicationExport } from '@/lib/reporting/applications-export'
import { verifyRecommendationCode } from '@/lib/recommendations/verify'
import { submitApplication } from './applications'
import {
  addQuestion,
  campaignOf,
  moveQuestion,
  removeQuestion,
  updateCampaignSettings,
  updateQuestion,
} from './campaign-settings'
import { parseListParams } from './list-params'
import { applicationSchema } from './schemas'
import { reviewCompleteness } from './completeness'
import { applicationDetail, listApplications } from './staff-applications'

const DAY = 86_400_000

async function scenario() {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id)
  const coordinator = await createMember(db, establishment.id, 'coordinator')
  const candidate = await createUser(db)
  const form = applicationFormData({
    firstName: 'Zoé',
    lastName: `Dupré-${crypto.randomUUID().slice(0, 6)}`,
  })
  const data = applicationSchema(2, candidate.email).parse(form)
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
  return { establishment, campaign, coordinator, candidate, form, applicationId, requests }
}

async function tokenOf(email: string) {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'recommendation-invitation')),
    )
    .orderBy(emailOutbox.createdAt)
  return rows.at(-1)!.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)![1]!
}

async function recommend(campaignId: string, token: string) {
  const questions = await campaignQuestions(db, campaignId)
  const answers = Object.fromEntries(
    questions.map((q) => [q.id, q.kind === 'scale' ? 'excellent' : '=HYPERLINK("http://evil")']),
  )
  const data = recommendationSchema(questions).parse({
    answers,
    opinion: 'favorable',
    phone: '+33 6 11 22 33 44',
    certified: true,
  }) as never
  return submitRecommendation(db, {
    submission: await loadSubmission(db, token),
    data,
    context: { ip: null, userAgent: null },
    sms: null,
    onReceived: reviewCompleteness,
  })
}

describe('staff table', () => {
  it('finds an application by name without accents, within the establishment only', async () => {
    const { establishment, form } = await scenario()
    const other = await createEstablishment(db)
    const mine = await listApplications(
      db,
      { establishmentId: establishment.id },
      parseListParams({ q: 'zoe dupre' }),
    )
    expect(mine.rows.map((r) => r.lastName)).toEqual([form.lastName])
    expect(
      (
        await listApplications(
          db,
          { establishmentId: other.id },
          parseListParams({ q: 'zoe dupre' }),
        )
      ).total,
    ).toBe(0)
  })

  it('filters on complete recommendations and sorts by received count', async () => {
    const { establishment, campaign, form } = await scenario()
    const params = (extra: Record<string, string>) =>
      parseListParams({ campagne: campaign.id, ...extra })
    expect(
      (
        await listApplications(
          db,
          { establishmentId: establishment.id },
          params({ recos: 'completes' }),
        )
      ).total,
    ).toBe(0)
    await recommend(campaign.id, await tokenOf(form.recommenders[0]!.email))
    await recommend(campaign.id, await tokenOf(form.recommenders[1]!.email))
    const complete = await listApplications(
      db,
      { establishmentId: establishment.id },
      params({ recos: 'completes' }),
    )
    expect(complete.rows.map((r) => [r.received, r.required])).toEqual([[2, 2]])
    expect(
      (
        await listApplications(
          db,
          { establishmentId: establishment.id },
          params({ recos: 'incompletes' }),
        )
      ).total,
    ).toBe(0)
  })

  it('never shows another establishment’s file', async () => {
    const { applicationId } = await scenario()
    const other = await createEstablishment(db)
    expect(
      await applicationDetail(db, { establishmentId: other.id }, applicationId),
    ).toBeUndefined()
  })

  it('exports one row per application with ratings in columns and formulas neutralised downstream', async () => {
    const { establishment, campaign, form } = await scenario()
    const { verificationCode } = await recommend(
      campaign.id,
      await tokenOf(form.recommenders[0]!.email),
    )
    const rows = []
    for await (const row of applicationExport(
      db,
      { establishmentId: establishment.id },
      parseListParams({ campagne: campaign.id }),
    ))
      rows.push(row)
    const [header, row] = rows as [string[], unknown[]]
    expect(rows).toHaveLength(2)
    const cell = (name: string) => row[header.indexOf(name)]
    expect(cell('Nom')).toBe(form.lastName)
    expect(cell('Recommandant 1 — Rigueur et méthode')).toBe('Excellent')
    expect(cell('Recommandant 1 — avis global')).toBe('Favorable')
    expect(cell('Recommandant 1 — code de vérification')).toBe(verificationCode)
    expect(cell('Recommandant 2 — statut')).toBe('À envoyer')
    // The written answers, the phone and the date are columns too (raw here; the file writers neutralise formulas).
    expect(cell('Recommandant 1 — Appréciation sur le candidat')).toBe('=HYPERLINK("http://evil")')
    expect(cell('Recommandant 1 — téléphone')).toBe('+33611223344')
    expect(cell('Recommandant 1 — transmise le')).toBeInstanceOf(Date)
    expect(cell('Recommandant 2 — transmise le')).toBeNull()
    expect(cell('Commencée le')).toBeInstanceOf(Date)
  })

  it('verifies a code publicly without revealing the content', async () => {
    const { campaign, form } = await scenario()
    const { verificationCode } = await recommend(
      campaign.id,
      await tokenOf(form.recommenders[0]!.email),
    )
    const result = await verifyRecommendationCode(
      db,
      verificationCode.toLowerCase().replace(/-/g, ' '),
    )
    expect(result).toMatchObject({
      code: verificationCode,
      recommenderName: form.recommenders[0]!.name,
      academicEmail: true,
    })
    expect(JSON.stringify(result)).not.toContain('HYPERLINK')
    expect(await verifyRecommendationCode(db, '0000-0000-0000')).toBeNull()
  })
})

describe('campaign settings', () => {
  it('moves the expiry of live requests with the recommendation deadline', async () => {
    const { establishment, campaign, coordinator, requests } = await scenario()
    await updateCampaignSettings(
      db,
      { establishmentId: establishment.id, actorUserId: coordinator.id },
      campaign.id,
      {
        name: campaign.name,
        description: '',
        opensOn: '2026-01-01',
        closesOn: '2099-06-30',
        recommendationDeadlineOn: '2099-07-15',
        requiredRecommendations: 3,
      },
    )
    const [after] = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.id, requests[0]!.id))
    expect(after!.expiresAt.toISOString()).toBe('2099-07-15T21:59:59.000Z')
    expect(
      (await campaignOf(db, establishment.id, campaign.id))!.campaign.requiredRecommendations,
    ).toBe(3)
  })

  it('refuses changes to another establishment’s campaign', async () => {
    const { campaign } = await scenario()
    const other = await createEstablishment(db)
    const intruder = await createMember(db, other.id, 'coordinator')
    const scope = { establishmentId: other.id, actorUserId: intruder.id }
    await expect(
      addQuestion(db, scope, campaign.id, {
        kind: 'text',
        label: 'Intrusion',
        help: '',
        required: true,
      }),
    ).rejects.toThrow('Campagne introuvable.')
    const [question] = await campaignQuestions(db, campaign.id)
    await expect(removeQuestion(db, scope, campaign.id, question!.id)).rejects.toThrow(
      UserFacingError,
    )
    expect(await campaignQuestions(db, campaign.id)).toHaveLength(7)
  })

  it('adds, edits, reorders and removes questions until a recommendation is submitted, then locks them', async () => {
    const { establishment, campaign, coordinator, form } = await scenario()
    const scope = { establishmentId: establishment.id, actorUserId: coordinator.id }
    await addQuestion(db, scope, campaign.id, {
      kind: 'scale',
      label: 'Curiosité intellectuelle',
      help: '',
      required: true,
    })
    let questions = await campaignQuestions(db, campaign.id)
    const added = questions.at(-1)!
    expect(added.label).toBe('Curiosité intellectuelle')
    await updateQuestion(db, scope, campaign.id, added.id, {
      kind: 'scale',
      label: 'Curiosité',
      help: 'Ouverture',
      required: false,
    })
    await moveQuestion(db, scope, campaign.id, added.id, 'up')
    questions = await campaignQuestions(db, campaign.id)
    expect(questions.at(-2)!.label).toBe('Curiosité')
    await removeQuestion(db, scope, campaign.id, added.id)
    expect(await campaignQuestions(db, campaign.id)).toHaveLength(7)

    await recommend(campaign.id, await tokenOf(form.recommenders[0]!.email))
    await expect(
      addQuestion(db, scope, campaign.id, {
        kind: 'text',
        label: 'Trop tard',
        help: '',
        required: true,
      }),
    ).rejects.toThrow(/verrouillé/)
    const [first] = await campaignQuestions(db, campaign.id)
    await expect(
      updateQuestion(db, scope, campaign.id, first!.id, {
        kind: 'text',
        label: 'Changée',
        help: '',
        required: true,
      }),
    ).rejects.toThrow(/verrouillé/)
    expect(
      (
        await db
          .select()
          .from(recommendationQuestions)
          .where(eq(recommendationQuestions.id, first!.id))
      )[0]!.label,
    ).toBe(first!.label)
  })
})

describe('candidate actions on recommenders', () => {
  it('resends a fresh link once a day, three times at most; old links keep working', async () => {
    const { candidate, requests, form } = await scenario()
    const request = requests[0]!
    const firstToken = await tokenOf(form.recommenders[0]!.email)
    const now = Date.now()
    await resendInvitation(db, { userId: candidate.id, requestId: request.id, now: new Date(now) })
    const secondToken = await tokenOf(form.recommenders[0]!.email)
    expect(secondToken).not.toBe(firstToken)
    expect(await findOpenLink(db, firstToken)).not.toBeNull()
    expect(await findOpenLink(db, secondToken)).not.toBeNull()
    await expect(
      resendInvitation(db, {
        userId: candidate.id,
        requestId: request.id,
        now: new Date(now + 3600_000),
      }),
    ).rejects.toThrow(/Relance déjà envoyée/)
    await resendInvitation(db, {
      userId: candidate.id,
      requestId: request.id,
      now: new Date(now + DAY + 1000),
    })
    await resendInvitation(db, {
      userId: candidate.id,
      requestId: request.id,
      now: new Date(now + 2 * DAY + 2000),
    })
    await expect(
      resendInvitation(db, {
        userId: candidate.id,
        requestId: request.id,
        now: new Date(now + 4 * DAY),
      }),
    ).rejects.toThrow(/trois fois/)
    const invitations = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, form.recommenders[0]!.email),
          eq(emailOutbox.template, 'recommendation-invitation'),
        ),
      )
    expect(invitations).toHaveLength(4)
  })

  it('replaces a recommender: the old links die and the new person is invited', async () => {
    const { candidate, requests, form } = await scenario()
    const oldToken = await tokenOf(form.recommenders[1]!.email)
    const replacement = await replaceRecommender(db, {
      userId: candidate.id,
      candidateEmail: candidate.email,
      requestId: requests[1]!.id,
      recommender: {
        name: 'Paul Henry',
        position: 'Directeur des études',
        email: `paul-${crypto.randomUUID().slice(0, 6)}@ac-toulouse.fr`,
      },
    })
    expect(await findOpenLink(db, oldToken)).toBeNull()
    expect(replacement.slot).toBe(1)
    const newToken = await tokenOf(replacement.recommenderEmail)
    expect((await findOpenLink(db, newToken))!.request.id).toBe(replacement.id)
    const [old] = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.id, requests[1]!.id))
    expect(old!.status).toBe('revoked')
  })

  it('refuses to replace with someone already asked, or with the candidate', async () => {
    const { candidate, requests, form } = await scenario()
    const base = {
      userId: candidate.id,
      candidateEmail: candidate.email,
      requestId: requests[1]!.id,
    }
    await expect(
      replaceRecommender(db, {
        ...base,
        recommender: { name: 'X Y', position: 'Prof', email: form.recommenders[0]!.email },
      }),
    ).rejects.toThrow(UserFacingError)
    await expect(
      replaceRecommender(db, {
        ...base,
        recommender: { name: 'X Y', position: 'Prof', email: candidate.email },
      }),
    ).rejects.toThrow(UserFacingError)
  })

  it('never lets a candidate touch someone else’s request', async () => {
    const { requests } = await scenario()
    const stranger = await createUser(db)
    await expect(
      resendInvitation(db, { userId: stranger.id, requestId: requests[0]!.id }),
    ).rejects.toThrow('Demande introuvable.')
    await expect(
      replaceRecommender(db, {
        userId: stranger.id,
        candidateEmail: stranger.email,
        requestId: requests[0]!.id,
        recommender: { name: 'A B', position: 'C D', email: 'e@f.fr' },
      }),
    ).rejects.toThrow('Demande introuvable.')
  })

  it('does not replace someone who already answered', async () => {
    const { candidate, campaign, requests, form } = await scenario()
    await recommend(campaign.id, await tokenOf(form.recommenders[0]!.email))
    await expect(
      replaceRecommender(db, {
        userId: candidate.id,
        candidateEmail: candidate.email,
        requestId: requests[0]!.id,
        recommender: { name: 'A B', position: 'C D', email: 'e@f.fr' },
      }),
    ).rejects.toThrow(/ne peut plus être remplacé/)
  })
})

import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  admissionCampaigns,
  applications,
  decisionMotivations,
  decisions,
  emailOutbox,
} from '@/db/schema'
import { commission, decide, publish, statusOf, underReview } from '@/db/test/commission'
import { createCampaign, createEstablishment } from '@/db/test/factories'
import { dispatchDueEmails } from '@/lib/mail/dispatch'
import type { MailTransport, OutgoingEmail } from '@/lib/mail/transports'
// The dispatcher's process registers the letter as an attachment kind (lib/jobs/registry.ts).
import './decision-letter-attachment'
import { applicationSummary } from '@/lib/reporting/application-summary'
import { renderApplicationSummaryPdf } from '@/components/reporting/application-summary-pdf'
import { confirmPlace, withdraw } from './candidate-answer'
import { enterDecisions, pendingDecisions } from './decision-entry'
import { decisionLetterProps } from './published-decision'
import { assignReviewer } from './review-assignments'
import { campaignRanking } from './review-results'

const DAY = 86_400_000

describe('decisions', () => {
  it('refuses a decision on a file in the wrong state, with the reason', async () => {
    const c = await commission(1)
    await expect(
      decide(c, [{ applicationId: c.files[0]!.applicationId, outcome: 'admitted' }]),
    ).rejects.toThrow(
      'Décision impossible : la candidature est « Complète » et doit d’abord être mise en examen.',
    )
  })

  it('requires a motivation from the list for an unfavourable decision', async () => {
    const c = await commission(1)
    await underReview(c)
    await expect(
      decide(c, [{ applicationId: c.files[0]!.applicationId, outcome: 'rejected' }]),
    ).rejects.toThrow('Un avis défavorable doit être motivé.')
  })

  it('publishes: states change, answer date and ranks set, each candidate mailed with the letter attached', async () => {
    const c = await commission(3)
    await underReview(c)
    const [a, b, r] = c.files
    await decide(c, [
      { applicationId: a!.applicationId, outcome: 'admitted' },
      { applicationId: b!.applicationId, outcome: 'waitlisted' },
      {
        applicationId: r!.applicationId,
        outcome: 'rejected',
        motivationId: c.motivation.id,
        motivationText: '<b>Effectif complet</b>',
      },
    ])
    // Entering changes nothing the candidate sees.
    expect(await statusOf(a!.applicationId)).toBe('under_review')
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, a!.user.email), eq(emailOutbox.template, 'decision'))),
    ).toHaveLength(0)

    const now = new Date()
    await publish(c, now)
    const [admitted] = await db
      .select()
      .from(applications)
      .where(eq(applications.id, a!.applicationId))
    expect(admitted).toMatchObject({ status: 'admitted' })
    expect(admitted!.responseDeadline!.getTime()).toBe(now.getTime() + 7 * DAY)
    const [waitlisted] = await db
      .select()
      .from(applications)
      .where(eq(applications.id, b!.applicationId))
    expect(waitlisted).toMatchObject({ status: 'waitlisted', waitlistRank: 1 })
    expect(await statusOf(r!.applicationId)).toBe('rejected')

    const [rejection] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, r!.user.email), eq(emailOutbox.template, 'decision')))
    expect(rejection!.text).toContain(
      'Motif : Capacité d’accueil atteinte — <b>Effectif complet</b>',
    )
    expect(rejection!.attachments).toEqual([
      {
        kind: 'decision-letter',
        decisionId: expect.any(String),
        fileName: 'lettre-de-decision.pdf',
      },
    ])

    // The letter is produced when the email leaves.
    const sent: OutgoingEmail[] = []
    const transport: MailTransport = {
      name: 'test',
      send: async (email) => (sent.push(email), { providerMessageId: null }),
    }
    await dispatchDueEmails(db, transport, { ids: [rejection!.id] })
    expect(sent[0]!.attachments![0]!.filename).toBe('lettre-de-decision.pdf')
    expect(sent[0]!.attachments![0]!.content.subarray(0, 5).toString()).toBe('%PDF-')

    // The commission's PDF summary shows the decision; a reviewer it is not assigned to gets nothing.
    const summary = await applicationSummary(db, c.scope, r!.applicationId, c.establishment.name)
    expect(summary?.decision).toEqual({
      outcome: 'Défavorable',
      motivation: 'Capacité d’accueil atteinte — <b>Effectif complet</b>',
      publishedAt: now,
    })
    expect((await renderApplicationSummaryPdf(summary!)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(
      await applicationSummary(
        db,
        { establishmentId: c.establishment.id, reviewerUserId: c.reviewers[0]!.id },
        r!.applicationId,
        '',
      ),
    ).toBeUndefined()

    // Publishing again finds nothing, and a second decision on a decided file is refused.
    await expect(publish(c)).rejects.toThrow('Aucune décision à publier.')
    await expect(
      decide(c, [{ applicationId: r!.applicationId, outcome: 'admitted' }]),
    ).rejects.toThrow(/« Défavorable »/)
  })

  it('promotes the first on the waiting list when an admitted candidate withdraws, and tells them', async () => {
    const c = await commission(3)
    await underReview(c)
    const [a, w1, w2] = c.files
    await decide(c, [
      { applicationId: a!.applicationId, outcome: 'admitted' },
      { applicationId: w2!.applicationId, outcome: 'waitlisted', waitlistRank: 2 },
      { applicationId: w1!.applicationId, outcome: 'waitlisted', waitlistRank: 1 },
    ])
    await publish(c)
    const { promoted } = await withdraw(db, { userId: a!.user.id, applicationId: a!.applicationId })
    expect(promoted).toBe(w1!.applicationId)
    expect(await statusOf(w1!.applicationId)).toBe('admitted')
    expect(await statusOf(w2!.applicationId)).toBe('waitlisted')
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, w1!.user.email), eq(emailOutbox.template, 'decision')))
    expect(mails.map((m) => m.subject)).toHaveLength(2)
    expect(mails.some((m) => m.text.includes('Une place s’est libérée'))).toBe(true)

    // The promoted candidate confirms; someone else cannot.
    await expect(
      confirmPlace(db, { userId: a!.user.id, applicationId: w1!.applicationId }),
    ).rejects.toThrow('Candidature introuvable.')
    await confirmPlace(db, { userId: w1!.user.id, applicationId: w1!.applicationId })
    expect(await statusOf(w1!.applicationId)).toBe('confirmed')
    await expect(
      confirmPlace(db, { userId: w1!.user.id, applicationId: w1!.applicationId }),
    ).rejects.toThrow(/Impossible de passer/)
  })

  it('ranks waitlisted files in the order the commission sent them, after the ranks already used, and promotes in that order', async () => {
    const c = await commission(5)
    await underReview(c)
    const [a, w1, w2, w3, w4] = c.files
    // Surnames sort Candidat-1 < Candidat-2 < Candidat-3: send them in another order.
    await decide(c, [
      { applicationId: a!.applicationId, outcome: 'admitted' },
      { applicationId: w3!.applicationId, outcome: 'waitlisted' },
      { applicationId: w1!.applicationId, outcome: 'waitlisted' },
    ])
    await decide(c, [{ applicationId: w2!.applicationId, outcome: 'waitlisted' }])
    await publish(c)
    const rankOf = async (id: string) =>
      (
        await db
          .select({ r: applications.waitlistRank })
          .from(applications)
          .where(eq(applications.id, id))
      )[0]!.r
    expect([
      await rankOf(w3!.applicationId),
      await rankOf(w1!.applicationId),
      await rankOf(w2!.applicationId),
    ]).toEqual([1, 2, 3])

    // A later waiting-list decision comes after the published ranks.
    await decide(c, [{ applicationId: w4!.applicationId, outcome: 'waitlisted' }])
    await publish(c)
    expect(await rankOf(w4!.applicationId)).toBe(4)

    const { promoted } = await withdraw(db, { userId: a!.user.id, applicationId: a!.applicationId })
    expect(promoted).toBe(w3!.applicationId)
    const next = await withdraw(db, { userId: w3!.user.id, applicationId: w3!.applicationId })
    expect(next.promoted).toBe(w1!.applicationId)
  })

  it('refuses a decision on a file of another campaign, and names the file that stops a bulk decision', async () => {
    const c = await commission(2)
    const other = await createCampaign(db, c.establishment.id, { requiredRecommendations: 0 })
    await underReview(c)
    await expect(
      enterDecisions(db, {
        scope: c.scope,
        actorUserId: c.coordinator.id,
        campaignId: other.campaign.id,
        decisions: [{ applicationId: c.files[0]!.applicationId, outcome: 'admitted' }],
      }),
    ).rejects.toThrow('Candidature introuvable.')
    await db
      .update(applications)
      .set({ status: 'complete' })
      .where(eq(applications.id, c.files[1]!.applicationId))
    await expect(
      decide(
        c,
        c.files.map((f) => ({ applicationId: f.applicationId, outcome: 'admitted' as const })),
      ),
    ).rejects.toThrow(/CANDIDAT-1 : Décision impossible : la candidature est « Complète »/)
    // All or none: the first file's decision was not kept.
    expect(
      await db
        .select()
        .from(decisions)
        .where(eq(decisions.applicationId, c.files[0]!.applicationId)),
    ).toEqual([])
  })

  it('keeps a published letter as it was sent when the template changes afterwards', async () => {
    const c = await commission(1)
    await underReview(c)
    await db
      .update(admissionCampaigns)
      .set({
        decisionEmailSubject: 'Résultat — {formation}',
        decisionEmailBody: 'Bonjour {prenom}, la commission a rendu sa décision : {decision}.',
      })
      .where(eq(admissionCampaigns.id, c.campaign.id))
    await decide(c, [{ applicationId: c.files[0]!.applicationId, outcome: 'admitted' }])
    await publish(c)
    const [decision] = await db
      .select()
      .from(decisions)
      .where(eq(decisions.applicationId, c.files[0]!.applicationId))
    const sent = await decisionLetterProps(db, decision!.id)
    expect(sent?.body).toMatch(/^Bonjour .+, la commission a rendu sa décision/)

    await db
      .update(admissionCampaigns)
      .set({
        decisionEmailSubject: 'Autre objet',
        decisionEmailBody: 'Un tout autre texte pour les prochains candidats.',
      })
      .where(eq(admissionCampaigns.id, c.campaign.id))
    const later = await decisionLetterProps(db, decision!.id)
    expect({ subject: later?.subject, body: later?.body }).toEqual({
      subject: sent?.subject,
      body: sent?.body,
    })
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, c.files[0]!.user.email),
          eq(emailOutbox.template, 'decision'),
        ),
      )
    expect(mail?.subject).toBe(sent?.subject)
  })

  it('gives a reviewer the ranking, pending decisions and decision entry of their assigned files only', async () => {
    const c = await commission(2)
    const [mine, theirs] = c.files
    const reviewer = c.reviewers[0]!
    await assignReviewer(db, c.actor, {
      applicationIds: [mine!.applicationId],
      reviewerId: reviewer.id,
    })
    await underReview(c)
    const reviewerScope = { establishmentId: c.establishment.id, reviewerUserId: reviewer.id }
    expect(
      (await campaignRanking(db, reviewerScope, c.campaign.id)).files.map((f) => f.id),
    ).toEqual([mine!.applicationId])
    await decide(c, [{ applicationId: theirs!.applicationId, outcome: 'admitted' }])
    expect(await pendingDecisions(db, reviewerScope, c.campaign.id)).toEqual([])
    await expect(
      enterDecisions(db, {
        scope: reviewerScope,
        actorUserId: reviewer.id,
        campaignId: c.campaign.id,
        decisions: [
          {
            applicationId: theirs!.applicationId,
            outcome: 'rejected',
            motivationId: c.motivation.id,
          },
        ],
      }),
    ).rejects.toThrow('Candidature introuvable.')
    await enterDecisions(db, {
      scope: reviewerScope,
      actorUserId: reviewer.id,
      campaignId: c.campaign.id,
      decisions: [{ applicationId: mine!.applicationId, outcome: 'waitlisted' }],
    })
    expect(
      (await pendingDecisions(db, reviewerScope, c.campaign.id)).map(
        (p) => p.decision.applicationId,
      ),
    ).toEqual([mine!.applicationId])
    // Another establishment's coordinator finds nothing of it.
    const other = await createEstablishment(db)
    expect((await campaignRanking(db, { establishmentId: other.id }, c.campaign.id)).files).toEqual(
      [],
    )
  })

  it('refuses a withdrawn motivation', async () => {
    const c = await commission(1)
    await underReview(c)
    await db
      .update(decisionMotivations)
      .set({ active: false })
      .where(eq(decisionMotivations.id, c.motivation.id))
    await expect(
      decide(c, [
        {
          applicationId: c.files[0]!.applicationId,
          outcome: 'rejected',
          motivationId: c.motivation.id,
        },
      ]),
    ).rejects.toThrow('Motif inconnu.')
  })
})

import { and, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  admissionCampaigns,
  applications,
  auditLog,
  decisionMotivations,
  decisions,
  emailOutbox,
  reviewAssignments,
  reviewCriteria,
} from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createMember,
  createUser,
} from '@/db/test/factories'
import { dispatchDueEmails } from '@/lib/mail/dispatch'
import type { MailTransport, OutgoingEmail } from '@/lib/mail/transports'
import { submitApplication } from './applications'
// The dispatcher's process registers the letter as an attachment kind (lib/jobs/registry.ts).
import './decision-letter-attachment'
import {
  confirmPlace,
  decisionLetterProps,
  enterDecisions,
  pendingDecisions,
  publishDecisions,
  runDecisionDeadlines,
  withdraw,
  type DecisionInput,
} from './decisions'
import { sendFileReminders, sendReviewerReminders } from './reminders'
import {
  assignEvenly,
  assignReviewer,
  campaignRanking,
  saveReview,
  unassignReviewer,
} from './reviews'
import { applicationSchema } from './schemas'
import { parseListParams } from './list-params'
import { applicationExport } from '@/lib/reporting/applications-export'
import { parseColumns } from '@/lib/reporting/export-columns'
import { applicationSummary } from '@/lib/reporting/application-summary'
import { renderApplicationSummaryPdf } from '@/components/reporting/application-summary-pdf'

const DAY = 86_400_000

/** A campaign with a one-criterion grid, a motivation, a coordinator, two reviewers and submitted files. */
async function commission(candidates = 3) {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, { requiredRecommendations: 0 })
  const [criterion] = await db
    .insert(reviewCriteria)
    .values({ campaignId: campaign.id, position: 0, label: 'Dossier', scaleMax: 20, weight: 1 })
    .returning()
  const [motivation] = await db
    .insert(decisionMotivations)
    .values({ establishmentId: establishment.id, label: 'Capacité d’accueil atteinte' })
    .returning()
  const coordinator = await createMember(db, establishment.id, 'coordinator')
  const reviewers = [
    await createMember(db, establishment.id, 'reviewer'),
    await createMember(db, establishment.id, 'reviewer'),
  ]
  const files = []
  for (let i = 0; i < candidates; i++) {
    const user = await createUser(db)
    const { applicationId } = await submitApplication(db, {
      campaignId: campaign.id,
      user: { id: user.id, email: user.email },
      data: applicationSchema(0, user.email).parse(
        applicationFormData({ lastName: `Candidat-${i}` }, 0),
      ),
    })
    files.push({ user, applicationId })
  }
  const scope = { establishmentId: establishment.id }
  const actor = { establishmentId: establishment.id, actorUserId: coordinator.id }
  return {
    establishment,
    campaign,
    criterion: criterion!,
    motivation: motivation!,
    coordinator,
    reviewers,
    files,
    scope,
    actor,
  }
}

// The coordinator enters decisions on the commission's campaign, then publishes them.
const decide = (c: Awaited<ReturnType<typeof commission>>, decisions: DecisionInput[]) =>
  enterDecisions(db, {
    scope: c.scope,
    actorUserId: c.coordinator.id,
    campaignId: c.campaign.id,
    decisions,
  })
const publish = (c: Awaited<ReturnType<typeof commission>>, now?: Date) =>
  publishDecisions(db, {
    scope: c.scope,
    actorUserId: c.coordinator.id,
    campaignId: c.campaign.id,
    now,
  })

const statusOf = async (id: string) =>
  (
    await db.select({ s: applications.status }).from(applications).where(eq(applications.id, id))
  )[0]!.s

describe('review grid', () => {
  it('assigns files evenly, starts their examination, and ranks them by weighted mark with disagreements flagged', async () => {
    const c = await commission(3)
    // Nothing asked of them: the files are complete on submission.
    for (const f of c.files) expect(await statusOf(f.applicationId)).toBe('complete')
    const { assigned } = await assignEvenly(db, c.actor, {
      campaignId: c.campaign.id,
      reviewerIds: c.reviewers.map((r) => r.id),
      perFile: 2,
    })
    expect(assigned).toBe(6)
    for (const f of c.files) expect(await statusOf(f.applicationId)).toBe('under_review')
    const exported = async () => {
      const rows: unknown[][] = []
      for await (const row of applicationExport(
        db,
        c.scope,
        parseListParams({ campagne: c.campaign.id, tri: 'nom', ordre: 'asc' }),
        parseColumns('nom,moyenne,ecart,notes_criteres,notes_examinateurs'),
      ))
        rows.push(row)
      return rows
    }

    const marks = [
      [18, 17],
      [12, 4],
      [9, 10],
    ]
    for (const [i, f] of c.files.entries()) {
      for (const [j, reviewer] of c.reviewers.entries()) {
        await saveReview(db, {
          reviewerId: reviewer.id,
          establishmentId: c.establishment.id,
          applicationId: f.applicationId,
          scores: { [c.criterion.id]: marks[i]![j]! },
          comment: j === 0 ? `Avis ${i}` : '',
          finish: true,
        })
      }
    }
    const { files } = await campaignRanking(db, c.scope, c.campaign.id)
    expect(files.map((f) => [f.id, f.average, f.rank, f.disagreement])).toEqual([
      [c.files[0]!.applicationId, 17.5, 1, false],
      [c.files[2]!.applicationId, 9.5, 2, false],
      [c.files[1]!.applicationId, 8, 3, true],
    ])

    // The export carries the chosen columns only, with the marks of each reviewer.
    const rows = await exported()
    expect(rows[0]).toEqual([
      'Nom',
      'Moyenne /20',
      'Écart entre examinateurs',
      'Note — Dossier',
      'Examinateur 1',
      'Examinateur 1 — note /20',
      'Examinateur 2',
      'Examinateur 2 — note /20',
    ])
    const second = rows.slice(1).find((r) => r[0] === 'Candidat-1')!
    expect(second.slice(1, 4)).toEqual([8, 8, 8])
    expect(second.filter((v) => v === 12 || v === 4)).toEqual([12, 4])

    // Each reviewer's grid, criterion by criterion, with the comment.
    const grids: unknown[][] = []
    for await (const row of applicationExport(
      db,
      c.scope,
      parseListParams({ campagne: c.campaign.id, tri: 'nom', ordre: 'asc' }),
      parseColumns('nom,grilles'),
    ))
      grids.push(row)
    expect(grids[0]).toEqual([
      'Nom',
      'Examinateur 1 — Dossier',
      'Examinateur 1 — commentaire',
      'Examinateur 2 — Dossier',
      'Examinateur 2 — commentaire',
    ])
    const grid = grids.slice(1).find((r) => r[0] === 'Candidat-1')!
    expect([grid.slice(1, 3), grid.slice(3, 5)]).toEqual(
      expect.arrayContaining([
        [12, 'Avis 1'],
        [4, null],
      ]),
    )
  })

  it('refuses scores from a reviewer the file is not assigned to, and out-of-scale or missing scores', async () => {
    const c = await commission(1)
    const file = c.files[0]!.applicationId
    await expect(
      saveReview(db, {
        reviewerId: c.reviewers[0]!.id,
        establishmentId: c.establishment.id,
        applicationId: file,
        scores: { [c.criterion.id]: 10 },
        comment: '',
        finish: true,
      }),
    ).rejects.toThrow('Ce dossier ne vous est pas confié.')
    await assignReviewer(db, c.actor, { applicationIds: [file], reviewerId: c.reviewers[0]!.id })
    const outOfScale = await saveReview(db, {
      reviewerId: c.reviewers[0]!.id,
      establishmentId: c.establishment.id,
      applicationId: file,
      scores: { [c.criterion.id]: 21 },
      comment: '',
      finish: true,
    }).catch((e: { fieldErrors: unknown }) => e.fieldErrors)
    expect(outOfScale).toEqual({
      [`scores.${c.criterion.id}`]: ['Dossier : note entière entre 0 et 20.'],
    })
    await expect(
      saveReview(db, {
        reviewerId: c.reviewers[0]!.id,
        establishmentId: c.establishment.id,
        applicationId: file,
        scores: {},
        comment: '',
        finish: true,
      }),
    ).rejects.toThrow('Certaines notes sont à corriger.')
    await expect(
      saveReview(db, {
        reviewerId: c.reviewers[0]!.id,
        establishmentId: c.establishment.id,
        applicationId: file,
        scores: {},
        comment: 'À revoir',
        finish: false,
      }),
    ).resolves.toEqual({ completed: false })
  })
})

describe('taking a file back from a reviewer', () => {
  it('is allowed until they have scored it, within the establishment only', async () => {
    const c = await commission(1)
    const file = c.files[0]!.applicationId
    const reviewer = c.reviewers[0]!
    await assignReviewer(db, c.actor, { applicationIds: [file], reviewerId: reviewer.id })
    const other = await createEstablishment(db)
    await expect(
      unassignReviewer(
        db,
        { establishmentId: other.id, actorUserId: c.coordinator.id },
        { applicationId: file, reviewerId: reviewer.id },
      ),
    ).rejects.toThrow('Affectation introuvable.')
    await unassignReviewer(db, c.actor, { applicationId: file, reviewerId: reviewer.id })
    expect(
      await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, file)),
    ).toEqual([])

    await assignReviewer(db, c.actor, { applicationIds: [file], reviewerId: reviewer.id })
    await saveReview(db, {
      reviewerId: reviewer.id,
      establishmentId: c.establishment.id,
      applicationId: file,
      scores: { [c.criterion.id]: 11 },
      comment: '',
      finish: false,
    })
    await expect(
      unassignReviewer(db, c.actor, { applicationId: file, reviewerId: reviewer.id }),
    ).rejects.toThrow('Cet examinateur a déjà noté ce dossier : l’affectation est conservée.')
  })
})

async function underReview(c: Awaited<ReturnType<typeof commission>>) {
  await db
    .update(applications)
    .set({ status: 'under_review' })
    .where(eq(applications.campaignId, c.campaign.id))
}

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

  it('leaves reminded candidates whose date has not passed out of the batch, so every admitted candidate is reminded', async () => {
    const c = await commission(3)
    await underReview(c)
    await decide(
      c,
      c.files.map((f) => ({ applicationId: f.applicationId, outcome: 'admitted' as const })),
    )
    const published = new Date()
    await publish(c, published)
    // Other tests' admitted candidates share the database: run small batches until one does nothing.
    const runUntilIdle = async (at: Date) => {
      for (let run = 0; run < 30; run++) {
        const { reminded, withdrawn } = await runDecisionDeadlines(db, at, { batch: 2 })
        if (reminded + withdrawn === 0) return run
      }
      throw new Error('never idle')
    }
    await runUntilIdle(new Date(published.getTime() + 5.5 * DAY))
    for (const f of c.files)
      expect(
        await db
          .select()
          .from(emailOutbox)
          .where(
            and(
              eq(emailOutbox.toAddress, f.user.email),
              eq(emailOutbox.template, 'decision-reminder'),
            ),
          ),
      ).toHaveLength(1)
    // After the date, everyone reminded is withdrawn, batch after batch.
    await runUntilIdle(new Date(published.getTime() + 8 * DAY))
    for (const f of c.files) expect(await statusOf(f.applicationId)).toBe('auto_withdrawn')
  })

  it('reminds an admitted candidate who does not answer, then withdraws them after the date and offers the place', async () => {
    const c = await commission(2)
    await underReview(c)
    const [a, w] = c.files
    await decide(c, [
      { applicationId: a!.applicationId, outcome: 'admitted' },
      { applicationId: w!.applicationId, outcome: 'waitlisted' },
    ])
    const published = new Date()
    await publish(c, published)

    await runDecisionDeadlines(db, new Date(published.getTime() + 4 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, a!.user.email),
            eq(emailOutbox.template, 'decision-reminder'),
          ),
        ),
    ).toHaveLength(0)
    await runDecisionDeadlines(db, new Date(published.getTime() + 5.5 * DAY))
    await runDecisionDeadlines(db, new Date(published.getTime() + 5.6 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, a!.user.email),
            eq(emailOutbox.template, 'decision-reminder'),
          ),
        ),
    ).toHaveLength(1)
    expect(await statusOf(a!.applicationId)).toBe('admitted')

    await Promise.all([
      runDecisionDeadlines(db, new Date(published.getTime() + 7.1 * DAY)),
      runDecisionDeadlines(db, new Date(published.getTime() + 7.1 * DAY)),
    ])
    expect(await statusOf(a!.applicationId)).toBe('auto_withdrawn')
    expect(await statusOf(w!.applicationId)).toBe('admitted')
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(eq(emailOutbox.toAddress, a!.user.email), eq(emailOutbox.template, 'place-released')),
        ),
    ).toHaveLength(1)
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectId, a!.applicationId),
          eq(auditLog.action, 'application.status_changed'),
        ),
      )
    expect(audit.map((e) => (e.after as { status: string }).status).slice(-2)).toEqual([
      'admitted',
      'auto_withdrawn',
    ])
  })

  it('sends no answer reminder once the candidate has answered', async () => {
    const c = await commission(1)
    await underReview(c)
    const [a] = c.files
    await decide(c, [{ applicationId: a!.applicationId, outcome: 'admitted' }])
    const published = new Date()
    await publish(c, published)
    await confirmPlace(db, { userId: a!.user.id, applicationId: a!.applicationId })
    await runDecisionDeadlines(db, new Date(published.getTime() + 6 * DAY))
    await runDecisionDeadlines(db, new Date(published.getTime() + 8 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, a!.user.email),
            like(emailOutbox.template, 'decision-reminder'),
          ),
        ),
    ).toHaveLength(0)
    expect(await statusOf(a!.applicationId)).toBe('confirmed')
  })
})

describe('file and reviewer reminders', () => {
  it('reminds a candidate with a draft at J-7, J-3 and J-1, each once, and never after submission', async () => {
    const establishment = await createEstablishment(db)
    const closesAt = new Date(Date.now() + 10 * DAY)
    const { campaign } = await createCampaign(db, establishment.id, {
      requiredRecommendations: 0,
      closesAt,
    })
    const user = await createUser(db)
    await db.insert(applications).values({
      establishmentId: establishment.id,
      campaignId: campaign.id,
      candidateUserId: user.id,
      email: user.email,
      createdAt: new Date(Date.now() - DAY),
    })
    const at = (daysBefore: number) => new Date(closesAt.getTime() - daysBefore * DAY)
    const mine = async () =>
      (
        await db
          .select()
          .from(emailOutbox)
          .where(
            and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.template, 'file-reminder')),
          )
      ).map((m) => m.dedupeKey)
    await sendFileReminders(db, at(8))
    expect(await mine()).toEqual([])
    await sendFileReminders(db, at(6))
    await Promise.all([sendFileReminders(db, at(5)), sendFileReminders(db, at(5))])
    await sendFileReminders(db, at(2))
    expect((await mine()).sort()).toEqual([
      expect.stringMatching(/:j-3$/),
      expect.stringMatching(/:j-7$/),
    ])
    await sendFileReminders(db, at(0.5))
    expect((await mine()).filter((k) => k?.endsWith(':j-1'))).toHaveLength(1)
    await db
      .update(applications)
      .set({ status: 'submitted' })
      .where(eq(applications.candidateUserId, user.id))
    await sendFileReminders(db, at(0.4))
    expect(await mine()).toHaveLength(3)
  })

  it('leaves files already reminded out of the batch, so the next run reaches the others', async () => {
    const establishment = await createEstablishment(db)
    const closesAt = new Date(Date.now() + 10 * DAY)
    const { campaign } = await createCampaign(db, establishment.id, {
      requiredRecommendations: 0,
      closesAt,
    })
    const users = await Promise.all([1, 2, 3].map(() => createUser(db)))
    await db.insert(applications).values(
      users.map((u) => ({
        establishmentId: establishment.id,
        campaignId: campaign.id,
        candidateUserId: u.id,
        email: u.email,
        createdAt: new Date(Date.now() - DAY),
      })),
    )
    const at6 = new Date(closesAt.getTime() - 6 * DAY)
    // Other tests' drafts share the database: run small batches until one sends nothing.
    let runs = 0
    while ((await sendFileReminders(db, at6, { batch: 2 })) > 0) expect(++runs).toBeLessThan(30)
    for (const u of users) {
      const mails = await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, u.email), eq(emailOutbox.template, 'file-reminder')))
      expect(mails.map((m) => m.dedupeKey)).toEqual([expect.stringMatching(/:j-7$/)])
    }
  })

  it('reminds a reviewer once per unscored file, whatever the number of runs, and not of a scored one', async () => {
    const c = await commission(2)
    const reviewer = c.reviewers[0]!
    const [first, second] = c.files
    const reminders = () =>
      db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, reviewer.email),
            eq(emailOutbox.template, 'reviewer-reminder'),
          ),
        )
    await assignReviewer(db, c.actor, {
      applicationIds: [first!.applicationId],
      reviewerId: reviewer.id,
    })
    expect(await sendReviewerReminders(db, new Date(Date.now() + 2 * DAY))).toBe(0)
    const later = new Date(Date.now() + 4 * DAY)
    await Promise.all([sendReviewerReminders(db, later), sendReviewerReminders(db, later)])
    await sendReviewerReminders(db, new Date(Date.now() + 11 * DAY))
    expect(await reminders()).toHaveLength(1)
    expect((await reminders())[0]!.subject).toBe('1 dossier à évaluer')

    // A file assigned since is reminded once in its turn; the message counts every file waiting.
    await assignReviewer(db, c.actor, {
      applicationIds: [second!.applicationId],
      reviewerId: reviewer.id,
    })
    await sendReviewerReminders(db, new Date(Date.now() + 4 * DAY))
    await sendReviewerReminders(db, new Date(Date.now() + 20 * DAY))
    expect((await reminders()).map((m) => m.subject).sort()).toEqual([
      '1 dossier à évaluer',
      '2 dossiers à évaluer',
    ])

    // Scored files bring nothing, even newly assigned to someone else who already scored.
    const other = c.reviewers[1]!
    await assignReviewer(db, c.actor, {
      applicationIds: [first!.applicationId],
      reviewerId: other.id,
    })
    await saveReview(db, {
      reviewerId: other.id,
      establishmentId: c.establishment.id,
      applicationId: first!.applicationId,
      scores: { [c.criterion.id]: 12 },
      comment: '',
      finish: true,
    })
    await sendReviewerReminders(db, new Date(Date.now() + 30 * DAY))
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, other.email),
            eq(emailOutbox.template, 'reviewer-reminder'),
          ),
        ),
    ).toEqual([])
  })
})

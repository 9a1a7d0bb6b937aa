import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { applications, campaignDocuments, emailOutbox } from '@/db/schema'
import { commission } from '@/db/test/commission'
import { createCampaign, createEstablishment, createUser } from '@/db/test/factories'
import { sendFileReminders, sendReviewerReminders } from './reminders'
import { assignReviewer } from './review-assignments'
import { saveReview } from './review-scoring'

const DAY = 86_400_000

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

  it('names in the reminder the required documents the file still lacks, and only those', async () => {
    const establishment = await createEstablishment(db)
    const closesAt = new Date(Date.now() + 10 * DAY)
    const { campaign } = await createCampaign(db, establishment.id, {
      requiredRecommendations: 0,
      closesAt,
    })
    await db.insert(campaignDocuments).values([
      { campaignId: campaign.id, position: 0, name: 'Relevés de notes', required: true },
      { campaignId: campaign.id, position: 1, name: 'Lettre de motivation', required: false },
      { campaignId: campaign.id, position: 2, name: 'Pièce d’identité', required: true },
    ])
    const user = await createUser(db)
    await db.insert(applications).values({
      establishmentId: establishment.id,
      campaignId: campaign.id,
      candidateUserId: user.id,
      email: user.email,
      createdAt: new Date(Date.now() - DAY),
    })
    let runs = 0
    while ((await sendFileReminders(db, new Date(closesAt.getTime() - 6 * DAY))) > 0)
      expect(++runs).toBeLessThan(30)
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.template, 'file-reminder')))
    expect(mail!.text).toContain('À fournir : Relevés de notes ; Pièce d’identité')
    expect(mail!.text).not.toContain('Lettre de motivation')
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

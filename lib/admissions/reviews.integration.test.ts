import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { reviewAssignments } from '@/db/schema'
import { commission, statusOf } from '@/db/test/commission'
import { createEstablishment } from '@/db/test/factories'
import { applicationExport } from '@/lib/reporting/applications-export'
import { parseColumns } from '@/lib/reporting/export-columns'
import { parseListParams } from './list-params'
import { assignEvenly, assignReviewer, unassignReviewer } from './review-assignments'
import { campaignRanking } from './review-results'
import { saveReview } from './review-scoring'

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

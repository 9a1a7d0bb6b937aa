import { text } from 'node:stream/consumers'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  applicationDocuments,
  applications,
  auditLog,
  emailOutbox,
  establishments,
  recommendationRequests,
  reviewAssignments,
} from '@/db/schema'
import {
  applicationFormData,
  createCampaign,
  createDocumentRequirement,
  createEstablishment,
  createMember,
  createUser,
  pdfBytes,
} from '@/db/test/factories'
import { UserFacingError } from '@/lib/errors'
import { campaignQuestions } from '@/lib/recommendations/questions'
import { loadSubmission, submitRecommendation } from '@/lib/recommendations/respond'
import { recommendationSchema } from '@/lib/recommendations/schemas'
import { documentsForZip, zipSafe, zipStream } from '@/lib/reporting/documents-zip'
import { storage } from '@/lib/storage'
import {
  submitApplication,
  saveApplicationDraft,
  campaignForApplication,
  wishesUsed,
} from './applications'
import { documentForDownload, reviewDocument, uploadDocument } from './documents'
import { applicationSchema } from './schemas'
import { reviewCompleteness } from './completeness'
import { applicationDetail, listApplications } from './staff-applications'
import { parseListParams } from './list-params'

const DAY = 86_400_000

async function setup(options: { requiredRecommendations?: number } = {}) {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, {
    requiredRecommendations: options.requiredRecommendations ?? 0,
  })
  const transcript = await createDocumentRequirement(db, campaign.id, {
    name: 'Relevés de notes',
    formats: ['pdf'],
    position: 0,
  })
  const photo = await createDocumentRequirement(db, campaign.id, {
    name: 'Photo d’identité',
    formats: ['jpeg', 'png'],
    required: false,
    position: 1,
  })
  const candidate = await createUser(db)
  const coordinator = await createMember(db, establishment.id, 'coordinator')
  return {
    establishment,
    campaign,
    transcript,
    photo,
    candidate,
    coordinator,
    user: { id: candidate.id, email: candidate.email },
  }
}

const submit = (campaignId: string, user: { id: string; email: string }, recommenders = 0) =>
  submitApplication(db, {
    campaignId,
    user,
    data: applicationSchema(recommenders, user.email).parse(applicationFormData({}, recommenders)),
  })

describe('supporting documents', () => {
  it('stores an upload under a generated name, readable back, with its audit entry', async () => {
    const { campaign, transcript, user, establishment } = await setup()
    const { document, applicationId } = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes('a'),
      originalName: '../../mes notes.pdf',
    })
    expect(document.fileName).toBe('mes notes.pdf')
    expect(document.storageKey).toMatch(
      new RegExp(`^${establishment.id}/${applicationId}/[0-9a-f]{32}\\.pdf$`),
    )
    const stored = await storage().get(document.storageKey)
    expect(await text(stored!.body)).toContain('% a')
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, applicationId), eq(auditLog.action, 'document.uploaded')))
    expect(audit).toHaveLength(1)
  })

  it('refuses a forged type and stores nothing', async () => {
    const { campaign, transcript, user } = await setup()
    const html = new TextEncoder().encode('<html><body>pas un pdf</body></html>')
    await expect(
      uploadDocument(db, {
        user,
        campaignId: campaign.id,
        campaignDocumentId: transcript.id,
        bytes: html,
        originalName: 'notes.pdf',
      }),
    ).rejects.toThrow(/n’est pas un PDF/)
    const [app] = await db
      .select()
      .from(applications)
      .where(
        and(eq(applications.campaignId, campaign.id), eq(applications.candidateUserId, user.id)),
      )
    expect(app).toBeUndefined()
  })

  it('replaces a draft file and deletes the old one from storage', async () => {
    const { campaign, transcript, user } = await setup()
    const first = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes('v1'),
      originalName: 'v1.pdf',
    })
    const second = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes('v2'),
      originalName: 'v2.pdf',
    })
    expect(second.document.id).toBe(first.document.id)
    expect(await storage().get(first.document.storageKey)).toBeNull()
    expect(await storage().get(second.document.storageKey)).not.toBeNull()
  })

  it('blocks submission until every required document is given, then accepts it', async () => {
    const { campaign, transcript, user } = await setup()
    const campaignRow = (await campaignForApplication(db, campaign.id))!
    await saveApplicationDraft(db, { campaign: campaignRow, user, draft: {} })
    const refused = await submit(campaign.id, user).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(UserFacingError)
    expect((refused as UserFacingError).fieldErrors.documents).toEqual([
      'Pièce manquante : Relevés de notes.',
    ])
    const [draft] = await db
      .select()
      .from(applications)
      .where(eq(applications.campaignId, campaign.id))
    expect(draft!.status).toBe('draft')

    await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes(),
      originalName: 'notes.pdf',
    })
    const { alreadySubmitted } = await submit(campaign.id, user)
    expect(alreadySubmitted).toBe(false)
  })

  it('after submission accepts only the replacement of a refused document; a refusal mails the candidate and makes the file incomplete', async () => {
    const { campaign, transcript, user, coordinator, establishment } = await setup()
    const { document } = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes(),
      originalName: 'notes.pdf',
    })
    const { applicationId } = await submit(campaign.id, user)
    await expect(
      uploadDocument(db, {
        user,
        campaignId: campaign.id,
        campaignDocumentId: transcript.id,
        bytes: pdfBytes('late'),
        originalName: 'x.pdf',
      }),
    ).rejects.toThrow(/seule une pièce refusée ou manquante/)

    const scope = { establishmentId: establishment.id }
    await expect(
      reviewDocument(db, {
        scope,
        actorUserId: coordinator.id,
        documentId: document.id,
        verdict: 'refused',
        reason: '',
      }),
    ).rejects.toThrow(/motif/i)
    const { status } = await reviewDocument(db, {
      scope,
      actorUserId: coordinator.id,
      documentId: document.id,
      verdict: 'refused',
      reason: 'Illisible <b>scan</b>',
    })
    expect(status).toBe('incomplete')
    // A second click on "Refuser" changes nothing and mails no one again.
    expect(
      await reviewDocument(db, {
        scope,
        actorUserId: coordinator.id,
        documentId: document.id,
        verdict: 'refused',
        reason: 'Illisible',
      }),
    ).toEqual({ status: null, unchanged: true })
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.template, 'document-refused')),
      )
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('Illisible <b>scan</b>')
    expect(mails[0]!.html).not.toContain('<b>scan</b>')

    const replaced = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes('v2'),
      originalName: 'v2.pdf',
    })
    expect(replaced.document.status).toBe('pending')
    const { status: after } = await reviewDocument(db, {
      scope,
      actorUserId: coordinator.id,
      documentId: document.id,
      verdict: 'valid',
    })
    // No recommendation asked, every required document valid: complete.
    expect(after).toBe('complete')
    const [app] = await db.select().from(applications).where(eq(applications.id, applicationId))
    expect(app!.status).toBe('complete')

    // A validation given by mistake is reversed: the file is incomplete again and the candidate told.
    const { status: reversed } = await reviewDocument(db, {
      scope,
      actorUserId: coordinator.id,
      documentId: document.id,
      verdict: 'refused',
      reason: 'Relevé de la mauvaise année',
    })
    expect(reversed).toBe('incomplete')
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(
          and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.template, 'document-refused')),
        ),
    ).toHaveLength(2)
  })

  it('waits for the recommendations before calling a file complete', async () => {
    const { campaign, transcript, user, coordinator, establishment } = await setup({
      requiredRecommendations: 1,
    })
    const { document } = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes(),
      originalName: 'notes.pdf',
    })
    const { applicationId } = await submit(campaign.id, user, 1)
    const { status } = await reviewDocument(db, {
      scope: { establishmentId: establishment.id },
      actorUserId: coordinator.id,
      documentId: document.id,
      verdict: 'valid',
    })
    expect(status).toBeNull()
    const [app] = await db.select().from(applications).where(eq(applications.id, applicationId))
    expect(app!.status).toBe('submitted')
    const requests = await db
      .select()
      .from(recommendationRequests)
      .where(eq(recommendationRequests.applicationId, applicationId))
    expect(requests).toHaveLength(1)

    // The recommendation arrives: the file is complete, in the same transaction.
    const [invitation] = await db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, requests[0]!.recommenderEmail),
          eq(emailOutbox.template, 'recommendation-invitation'),
        ),
      )
    const token = invitation!.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)![1]!
    const questions = await campaignQuestions(db, campaign.id)
    const answers = Object.fromEntries(
      questions.map((q) => [q.id, q.kind === 'scale' ? 'bien' : 'Sérieuse.']),
    )
    const data = recommendationSchema(questions).parse({
      answers,
      opinion: 'favorable',
      phone: '+33 6 11 22 33 44',
      certified: true,
    }) as never
    await submitRecommendation(db, {
      submission: await loadSubmission(db, token),
      data,
      context: { ip: null, userAgent: null },
      sms: null,
      onReceived: reviewCompleteness,
    })
    const [after] = await db.select().from(applications).where(eq(applications.id, applicationId))
    expect(after!.status).toBe('complete')
  })

  it('lets the candidate and the establishment’s staff download, and nobody else', async () => {
    const { campaign, transcript, user, establishment } = await setup()
    const { document, applicationId } = await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes(),
      originalName: 'notes.pdf',
    })
    await submit(campaign.id, user)
    const reviewer = await createMember(db, establishment.id, 'reviewer')
    const stranger = await createUser(db)
    const other = await createEstablishment(db)
    const otherCoordinator = await createMember(db, other.id, 'coordinator')
    const download = (
      userId: string,
      scopes: { establishmentId: string; reviewerUserId?: string }[],
    ) => documentForDownload(db, { documentId: document.id, userId, scopes })

    expect((await download(user.id, []))?.viewer).toBe('candidate')
    expect((await download('coordinator', [{ establishmentId: establishment.id }]))?.viewer).toBe(
      'staff',
    )
    expect(await download(stranger.id, [])).toBeNull()
    expect(await download(otherCoordinator.id, [{ establishmentId: other.id }])).toBeNull()
    // A reviewer only once the application is assigned to them.
    expect(
      await download(reviewer.id, [
        { establishmentId: establishment.id, reviewerUserId: reviewer.id },
      ]),
    ).toBeNull()
    await db.insert(reviewAssignments).values({ applicationId, reviewerUserId: reviewer.id })
    expect(
      (
        await download(reviewer.id, [
          { establishmentId: establishment.id, reviewerUserId: reviewer.id },
        ])
      )?.viewer,
    ).toBe('staff')
  })
})

describe('staff scope', () => {
  it('shows a reviewer only the applications assigned to them', async () => {
    const { campaign, transcript, user, establishment } = await setup()
    await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes(),
      originalName: 'notes.pdf',
    })
    const { applicationId } = await submit(campaign.id, user)
    const reviewer = await createMember(db, establishment.id, 'reviewer')
    const reviewerScope = { establishmentId: establishment.id, reviewerUserId: reviewer.id }
    expect((await listApplications(db, reviewerScope, parseListParams({}))).total).toBe(0)
    expect(await applicationDetail(db, reviewerScope, applicationId)).toBeUndefined()
    await db.insert(reviewAssignments).values({ applicationId, reviewerUserId: reviewer.id })
    expect(
      (await listApplications(db, reviewerScope, parseListParams({}))).rows.map((r) => r.id),
    ).toEqual([applicationId])
    expect(await applicationDetail(db, reviewerScope, applicationId)).toBeDefined()
  })
})

describe('wishes', () => {
  it('lets a candidate apply to several programmes, up to the establishment’s cap', async () => {
    const establishment = await createEstablishment(db)
    await db
      .update(establishments)
      .set({ maxApplicationsPerCandidate: 2 })
      .where(eq(establishments.id, establishment.id))
    const campaigns = await Promise.all(
      [1, 2, 3].map(() => createCampaign(db, establishment.id, { requiredRecommendations: 0 })),
    )
    const candidate = await createUser(db)
    const user = { id: candidate.id, email: candidate.email }
    await submit(campaigns[0]!.campaign.id, user)
    await submit(campaigns[1]!.campaign.id, user)
    expect(await wishesUsed(db, candidate.id, establishment.id)).toEqual({ max: 2, live: 2 })
    await expect(submit(campaigns[2]!.campaign.id, user)).rejects.toThrow(/maximum autorisé \(2\)/)
    const mine = await db
      .select()
      .from(applications)
      .where(eq(applications.candidateUserId, candidate.id))
    expect(mine.filter((a) => a.status !== 'draft')).toHaveLength(2)
    // Another establishment has its own cap.
    const other = await createEstablishment(db)
    const { campaign } = await createCampaign(db, other.id, { requiredRecommendations: 0 })
    await expect(submit(campaign.id, user)).resolves.toMatchObject({ alreadySubmitted: false })
  })

  it('refuses a late submission with the reason', async () => {
    const establishment = await createEstablishment(db)
    const { campaign } = await createCampaign(db, establishment.id, {
      requiredRecommendations: 0,
      opensAt: new Date(Date.now() - 10 * DAY),
      closesAt: new Date(Date.now() - DAY),
    })
    const candidate = await createUser(db)
    const transcript = await createDocumentRequirement(db, campaign.id, {
      name: 'Relevés de notes',
      formats: ['pdf'],
      required: false,
    })
    const user = { id: candidate.id, email: candidate.email }
    await expect(submit(campaign.id, user)).rejects.toThrow(/n’est pas ouverte/)
    await expect(
      uploadDocument(db, {
        user,
        campaignId: campaign.id,
        campaignDocumentId: transcript.id,
        bytes: pdfBytes('late'),
        originalName: 'notes.pdf',
      }),
    ).rejects.toThrow('Cette campagne est close : le dépôt de pièces n’est plus possible.')
    // Nothing half-saved: no application row, no document, no audit entry.
    expect(
      await db
        .select()
        .from(applications)
        .where(
          and(
            eq(applications.campaignId, campaign.id),
            eq(applications.candidateUserId, candidate.id),
          ),
        ),
    ).toEqual([])
    expect(
      await db
        .select()
        .from(applicationDocuments)
        .where(eq(applicationDocuments.campaignDocumentId, transcript.id)),
    ).toEqual([])
    expect(await db.select().from(auditLog).where(eq(auditLog.actorUserId, candidate.id))).toEqual(
      [],
    )
  })

  it('lets the candidate give a required document the school added after submission, and the file waits for it', async () => {
    const { campaign, transcript, user, coordinator, establishment } = await setup()
    await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes(),
      originalName: 'notes.pdf',
    })
    const { applicationId } = await submit(campaign.id, user)
    const added = await createDocumentRequirement(db, campaign.id, {
      name: 'Attestation de stage',
      formats: ['pdf'],
      position: 2,
    })
    const [given] = await db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, applicationId))
    await reviewDocument(db, {
      scope: { establishmentId: establishment.id },
      actorUserId: coordinator.id,
      documentId: given!.id,
      verdict: 'valid',
      reason: '',
    })
    expect(
      (await db.select().from(applications).where(eq(applications.id, applicationId)))[0]!.status,
    ).toBe('incomplete')
    await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: added.id,
      bytes: pdfBytes('stage'),
      originalName: 'stage.pdf',
    })
    const [late] = await db
      .select()
      .from(applicationDocuments)
      .where(
        and(
          eq(applicationDocuments.applicationId, applicationId),
          eq(applicationDocuments.campaignDocumentId, added.id),
        ),
      )
    await reviewDocument(db, {
      scope: { establishmentId: establishment.id },
      actorUserId: coordinator.id,
      documentId: late!.id,
      verdict: 'valid',
      reason: '',
    })
    expect(
      (await db.select().from(applications).where(eq(applications.id, applicationId)))[0]!.status,
    ).toBe('complete')
  })
})

describe('ZIP of a selection’s documents', () => {
  it('holds one folder per candidate with their files, and nothing outside the scope', async () => {
    const { campaign, transcript, user, establishment } = await setup()
    await uploadDocument(db, {
      user,
      campaignId: campaign.id,
      campaignDocumentId: transcript.id,
      bytes: pdfBytes('zip-me'),
      originalName: 'notes.pdf',
    })
    const { applicationId } = await submit(campaign.id, user)
    const other = await setup()
    await uploadDocument(db, {
      user: other.user,
      campaignId: other.campaign.id,
      campaignDocumentId: other.transcript.id,
      bytes: pdfBytes('not-mine'),
      originalName: 'notes.pdf',
    })
    const { applicationId: foreign } = await submit(other.campaign.id, other.user)

    const files = await documentsForZip(db, { establishmentId: establishment.id }, [
      applicationId,
      foreign,
    ])
    expect(files.map((f) => f.applicationId)).toEqual([applicationId])
    const chunks: Uint8Array[] = []
    const reader = zipStream(files).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
    const zip = Buffer.concat(chunks)
    expect(zip.subarray(0, 2).toString()).toBe('PK')
    expect(zip.toString('latin1')).toContain(`${applicationId.slice(0, 8)}/Relev`)
    expect(zipSafe('a/b\\c:"d"')).toBe('a_b_c__d_')
  })
})

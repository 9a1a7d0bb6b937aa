import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  admissionCampaigns,
  auditLog,
  campaignDocuments,
  departments,
  establishments,
  programmes,
  recommendationQuestions,
  reviewCriteria,
} from '@/db/schema'
import {
  createCampaign as createTestCampaign,
  createDocumentRequirement,
  createEstablishment,
  createMember,
} from '@/db/test/factories'
import { UserFacingError } from '@/lib/errors'
import { defaultQuestions } from '@/lib/recommendations/default-questions'
import { establishmentProgrammes, updateProgramme } from '@/lib/establishments/programmes'
import { programmeSchema } from '@/lib/establishments/schemas'
import { updateEstablishmentSettings } from '@/lib/establishments/settings'
import { createCampaign } from './campaign-creation'
import { newCampaignSchema } from './campaign-schemas'
import { searchCatalogue } from './catalogue'
import { defaultCriteria } from './default-criteria'

const unique = () => crypto.randomUUID().slice(0, 8)
const today = new Date().toISOString().slice(0, 10)
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

const form = (overrides: Record<string, unknown> = {}) =>
  newCampaignSchema.parse({
    programmeId: 'new',
    programmeName: `Licence ${unique()}`,
    programmeLevel: 'Bac+3',
    departmentName: 'Sciences',
    name: 'Recrutement 2027',
    opensOn: today,
    closesOn: inDays(30),
    recommendationDeadlineOn: inDays(40),
    requiredRecommendations: 1,
    ...overrides,
  })

async function school() {
  const establishment = await createEstablishment(db)
  const coordinator = await createMember(db, establishment.id, 'coordinator')
  return {
    establishment,
    scope: { establishmentId: establishment.id, actorUserId: coordinator.id },
  }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) =>
      e instanceof UserFacingError
        ? { message: e.message, fieldErrors: e.fieldErrors }
        : Promise.reject(e),
  )

describe('opening a campaign', () => {
  it('creates a programme, its department and the campaign with the default questionnaire and grid; the catalogue lists it', async () => {
    const { establishment, scope } = await school()
    const input = form({ programmeName: `Licence ${unique()} Économie` })
    const { campaignId, programmeId } = await createCampaign(db, scope, input)

    const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId))
    expect(programme).toMatchObject({
      establishmentId: establishment.id,
      name: input.programmeName,
      level: 'Bac+3',
    })
    const [department] = await db
      .select()
      .from(departments)
      .where(eq(departments.id, programme!.departmentId!))
    expect(department?.name).toBe('Sciences')
    expect(
      (
        await db
          .select()
          .from(recommendationQuestions)
          .where(eq(recommendationQuestions.campaignId, campaignId))
      )
        .map((q) => q.label)
        .sort(),
    ).toEqual(defaultQuestions.map((q) => q.label).sort())
    expect(
      (await db.select().from(reviewCriteria).where(eq(reviewCriteria.campaignId, campaignId)))
        .map((c) => c.label)
        .sort(),
    ).toEqual(defaultCriteria.map((c) => c.label).sort())
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, campaignId), eq(auditLog.action, 'campaign.created')))
    expect(audit?.actorUserId).toBe(scope.actorUserId)

    const { rows } = await searchCatalogue(db, {
      q: input.programmeName,
      departement: 'Sciences',
      niveau: 'Bac+3',
      page: 1,
    })
    expect(rows.map((r) => r.id)).toEqual([campaignId])

    // A second campaign of the same programme reuses it and its department.
    const second = await createCampaign(
      db,
      scope,
      form({ programmeId, name: 'Admission en cours d’année' }),
    )
    expect(second.programmeId).toBe(programmeId)
    expect(
      await db.select().from(departments).where(eq(departments.establishmentId, establishment.id)),
    ).toHaveLength(1)
  })

  it('takes the documents, questionnaire, grid and decision email of an earlier campaign', async () => {
    const { establishment, scope } = await school()
    const { campaign: earlier, programme } = await createTestCampaign(db, establishment.id)
    await createDocumentRequirement(db, earlier.id, {
      name: 'Relevés de notes',
      formats: ['pdf'],
      maxBytes: 2 * 1024 * 1024,
    })
    await db
      .insert(reviewCriteria)
      .values({ campaignId: earlier.id, position: 0, label: 'Dossier', scaleMax: 10, weight: 3 })
    await db
      .update(admissionCampaigns)
      .set({
        decisionEmailSubject: 'Votre résultat',
        decisionEmailBody: 'Bonjour {prenom}, voici la décision : {decision}.',
        responseDays: 5,
      })
      .where(eq(admissionCampaigns.id, earlier.id))

    const { campaignId } = await createCampaign(
      db,
      scope,
      form({ programmeId: programme.id, copyFromCampaignId: earlier.id }),
    )
    expect(
      await db
        .select({
          name: campaignDocuments.name,
          formats: campaignDocuments.formats,
          maxBytes: campaignDocuments.maxBytes,
        })
        .from(campaignDocuments)
        .where(eq(campaignDocuments.campaignId, campaignId)),
    ).toEqual([{ name: 'Relevés de notes', formats: ['pdf'], maxBytes: 2 * 1024 * 1024 }])
    expect(
      await db
        .select({
          label: reviewCriteria.label,
          scaleMax: reviewCriteria.scaleMax,
          weight: reviewCriteria.weight,
        })
        .from(reviewCriteria)
        .where(eq(reviewCriteria.campaignId, campaignId)),
    ).toEqual([{ label: 'Dossier', scaleMax: 10, weight: 3 }])
    expect(
      await db
        .select()
        .from(recommendationQuestions)
        .where(eq(recommendationQuestions.campaignId, campaignId)),
    ).toHaveLength(defaultQuestions.length)
    const [created] = await db
      .select()
      .from(admissionCampaigns)
      .where(eq(admissionCampaigns.id, campaignId))
    expect(created).toMatchObject({
      decisionEmailSubject: 'Votre résultat',
      responseDays: 5,
      programmeId: programme.id,
    })
  })

  it('refuses a programme name already used, another school’s programme or campaign, and leaves nothing behind', async () => {
    const { establishment, scope } = await school()
    const other = await createEstablishment(db)
    const { programme: theirs, campaign: theirCampaign } = await createTestCampaign(db, other.id)
    const taken = `BTS ${unique()}`
    await createCampaign(db, scope, form({ programmeName: taken, departmentName: '' }))

    expect(
      await failure(
        createCampaign(
          db,
          scope,
          form({ programmeName: taken, departmentName: 'Nouveau département' }),
        ),
      ),
    ).toEqual({
      message: 'Une formation porte déjà ce nom dans l’établissement.',
      fieldErrors: {
        programmeName: [
          'Nom de la formation : une formation porte déjà ce nom ; choisissez-la dans la liste.',
        ],
      },
    })
    expect(
      await failure(createCampaign(db, scope, form({ programmeId: theirs.id }))),
    ).toMatchObject({ message: 'Formation introuvable.' })
    expect(
      await failure(createCampaign(db, scope, form({ copyFromCampaignId: theirCampaign.id }))),
    ).toMatchObject({ message: 'Campagne à reprendre introuvable.' })
    // One campaign, no department from the refused attempt.
    expect(
      await db
        .select()
        .from(admissionCampaigns)
        .where(eq(admissionCampaigns.establishmentId, establishment.id)),
    ).toHaveLength(1)
    expect(
      await db.select().from(departments).where(eq(departments.establishmentId, establishment.id)),
    ).toEqual([])
  })
})

describe('programmes and establishment settings', () => {
  it('renames a programme and moves it to another department, but not onto another programme’s name', async () => {
    const { establishment, scope } = await school()
    const a = await createCampaign(db, scope, form())
    const b = await createCampaign(db, scope, form())
    const [bName] = await db
      .select({ name: programmes.name })
      .from(programmes)
      .where(eq(programmes.id, b.programmeId))
    await updateProgramme(
      db,
      scope,
      a.programmeId,
      programmeSchema.parse({
        programmeName: 'Licence Gestion',
        programmeLevel: 'Bac+3',
        departmentName: 'Gestion',
        programmeDescription: 'Trois ans.',
      }),
    )
    const list = await establishmentProgrammes(db, establishment.id)
    expect(list.find((p) => p.id === a.programmeId)).toMatchObject({
      name: 'Licence Gestion',
      departmentName: 'Gestion',
      description: 'Trois ans.',
    })
    expect(
      await failure(
        updateProgramme(
          db,
          scope,
          a.programmeId,
          programmeSchema.parse({ programmeName: bName!.name }),
        ),
      ),
    ).toMatchObject({ message: 'Une formation porte déjà ce nom dans l’établissement.' })
    const other = await school()
    expect(
      await failure(
        updateProgramme(
          db,
          other.scope,
          a.programmeId,
          programmeSchema.parse({ programmeName: 'Piratée' }),
        ),
      ),
    ).toMatchObject({ message: 'Formation introuvable.' })
  })

  it('sets the cap on applications per candidate, audited', async () => {
    const { establishment, scope } = await school()
    await updateEstablishmentSettings(db, scope, { maxApplicationsPerCandidate: 3 })
    const [row] = await db
      .select()
      .from(establishments)
      .where(eq(establishments.id, establishment.id))
    expect(row?.maxApplicationsPerCandidate).toBe(3)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.subjectId, establishment.id), eq(auditLog.action, 'establishment.updated')),
      )
    expect(audit).toMatchObject({
      before: { maxApplicationsPerCandidate: 20 },
      after: { maxApplicationsPerCandidate: 3 },
    })
  })
})

import { and, asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  campaignDocuments,
  programmes,
  recommendationQuestions,
  reviewCriteria,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { toParisDate } from '@/lib/paris-time'
import { addDefaultQuestions } from '@/lib/recommendations/default-questions'
import { insertProgramme } from '@/lib/establishments/programmes'
import type { NewCampaignInput, newCampaignSchema } from './campaign-schemas'
import { campaignOf, campaignValues } from './campaign-settings'
import { defaultCriteria } from './default-criteria'
import type { Actor } from '@/lib/auth/actor'

const DAY = 86_400_000

/** What the new-campaign form starts with: open today, two months to apply, ten more days for the recommenders. */
export function newCampaignDefaults(now: Date, firstProgrammeId?: string): NewCampaignInput {
  return {
    programmeId: firstProgrammeId ?? 'new',
    name: `Recrutement ${Number(toParisDate(now).slice(0, 4)) + 1}`,
    description: '',
    opensOn: toParisDate(now),
    closesOn: toParisDate(new Date(now.getTime() + 60 * DAY)),
    recommendationDeadlineOn: toParisDate(new Date(now.getTime() + 70 * DAY)),
    requiredRecommendations: 2,
    programmeName: '',
    programmeLevel: '',
    departmentName: '',
    programmeDescription: '',
    copyFromCampaignId: '',
  }
}

/** Copies what a campaign asks for (documents, questionnaire, review grid, decision email) onto a new one. */
async function copySettings(tx: Executor, fromId: string, toId: string) {
  const [documents, questions, criteria] = await Promise.all([
    tx
      .select()
      .from(campaignDocuments)
      .where(eq(campaignDocuments.campaignId, fromId))
      .orderBy(asc(campaignDocuments.position)),
    tx
      .select()
      .from(recommendationQuestions)
      .where(eq(recommendationQuestions.campaignId, fromId))
      .orderBy(asc(recommendationQuestions.position)),
    tx
      .select()
      .from(reviewCriteria)
      .where(eq(reviewCriteria.campaignId, fromId))
      .orderBy(asc(reviewCriteria.position)),
  ])
  if (documents.length)
    await tx.insert(campaignDocuments).values(
      documents.map((d) => ({
        campaignId: toId,
        position: d.position,
        name: d.name,
        helpText: d.helpText,
        formats: d.formats,
        maxBytes: d.maxBytes,
        required: d.required,
      })),
    )
  if (questions.length)
    await tx.insert(recommendationQuestions).values(
      questions.map((q) => ({
        campaignId: toId,
        position: q.position,
        kind: q.kind,
        label: q.label,
        help: q.help,
        required: q.required,
      })),
    )
  if (criteria.length)
    await tx.insert(reviewCriteria).values(
      criteria.map((c) => ({
        campaignId: toId,
        position: c.position,
        label: c.label,
        scaleMax: c.scaleMax,
        weight: c.weight,
      })),
    )
  return { documents: documents.length, questions: questions.length, criteria: criteria.length }
}

/**
 * Opens a new campaign, for an existing programme or a new one (its department created on
 * first use). It starts with the settings of an earlier campaign of the establishment when
 * one is chosen (next year's recruitment), otherwise with the default questionnaire and
 * review grid. One transaction, audited.
 */
export async function createCampaign(
  db: Database,
  actor: Actor,
  input: z.output<typeof newCampaignSchema>,
) {
  return db.transaction(async (tx) => {
    let programmeId: string
    if (input.programmeId === 'new')
      programmeId = await insertProgramme(tx, actor.establishmentId, input)
    else {
      const [own] = await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(
          and(
            eq(programmes.id, input.programmeId),
            eq(programmes.establishmentId, actor.establishmentId),
          ),
        )
      if (!own)
        throw new UserFacingError('Formation introuvable.', {
          programmeId: ['Formation : choisissez une formation de la liste.'],
        })
      programmeId = own.id
    }
    const source = input.copyFromCampaignId
      ? await campaignOf(tx, actor.establishmentId, input.copyFromCampaignId)
      : null
    if (input.copyFromCampaignId && !source)
      throw new UserFacingError('Campagne à reprendre introuvable.', {
        copyFromCampaignId: ['Campagne à reprendre : choisissez une campagne de la liste.'],
      })
    const [campaign] = await tx
      .insert(admissionCampaigns)
      .values({
        establishmentId: actor.establishmentId,
        programmeId,
        ...campaignValues(input),
        ...(source
          ? {
              responseDays: source.campaign.responseDays,
              decisionEmailSubject: source.campaign.decisionEmailSubject,
              decisionEmailBody: source.campaign.decisionEmailBody,
            }
          : {}),
      })
      .returning({ id: admissionCampaigns.id })
    const campaignId = campaign!.id
    let copied = null
    if (source) copied = await copySettings(tx, source.campaign.id, campaignId)
    else {
      await addDefaultQuestions(tx, campaignId)
      await tx
        .insert(reviewCriteria)
        .values(defaultCriteria.map((c, position) => ({ ...c, campaignId, position })))
    }
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'campaign.created',
      subjectType: 'campaign',
      subjectId: campaignId,
      after: {
        name: input.name,
        programmeId,
        newProgramme: input.programmeId === 'new' ? input.programmeName : undefined,
        copiedFrom: source?.campaign.id,
        copied,
      },
    })
    return { campaignId, programmeId }
  })
}

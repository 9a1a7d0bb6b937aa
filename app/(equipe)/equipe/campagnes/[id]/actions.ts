'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/db'
import {
  campaignSettingsSchema,
  documentRequirementSchema,
  questionSchema,
} from '@/lib/admissions/campaign-schemas'
import { updateProgramme } from '@/lib/establishments/programmes'
import { programmeSchema } from '@/lib/establishments/schemas'
import {
  criterionSchema,
  decisionSettingsSchema,
  motivationSchema,
} from '@/lib/admissions/review-schemas'
import { addMotivation, setMotivationActive } from '@/lib/admissions/motivations'
import { addCriterion, removeCriterion, updateCriterion } from '@/lib/admissions/review-criteria'
import { updateDecisionSettings } from '@/lib/admissions/campaign-settings'
import {
  addDocumentRequirement,
  removeDocumentRequirement,
  updateDocumentRequirement,
} from '@/lib/admissions/campaign-documents'
import {
  addQuestion,
  moveQuestion,
  removeQuestion,
  updateCampaignSettings,
  updateQuestion,
} from '@/lib/admissions/campaign-settings'
import { staffAction } from '@/lib/auth/action-clients'

// Campaign settings belong to coordinators and admins of the campaign's establishment
// ('campaigns.edit'); every query carries the establishment in its WHERE.
const ids = { campaignId: z.uuid('Campagne introuvable.') }
const done = (campaignId: string) => revalidatePath(`/equipe/campagnes/${campaignId}`)

export const updateCampaignSettingsAction = staffAction(
  'campaigns.edit',
  z.object(ids).and(campaignSettingsSchema),
  async ({ campaignId, ...input }, { actor }) => {
    await updateCampaignSettings(db, actor, campaignId, input)
    done(campaignId)
  },
)

export const addQuestionAction = staffAction(
  'campaigns.edit',
  z.object(ids).and(questionSchema),
  async ({ campaignId, ...input }, { actor }) => {
    await addQuestion(db, actor, campaignId, input)
    done(campaignId)
  },
)

export const updateQuestionAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, questionId: z.uuid() }).and(questionSchema),
  async ({ campaignId, questionId, ...input }, { actor }) => {
    await updateQuestion(db, actor, campaignId, questionId, input)
    done(campaignId)
  },
)

export const removeQuestionAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, questionId: z.uuid() }),
  async ({ campaignId, questionId }, { actor }) => {
    await removeQuestion(db, actor, campaignId, questionId)
    done(campaignId)
  },
)

export const moveQuestionAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, questionId: z.uuid(), direction: z.enum(['up', 'down']) }),
  async ({ campaignId, questionId, direction }, { actor }) => {
    await moveQuestion(db, actor, campaignId, questionId, direction)
    done(campaignId)
  },
)

export const addDocumentRequirementAction = staffAction(
  'campaigns.edit',
  z.object(ids).and(documentRequirementSchema),
  async ({ campaignId, ...input }, { actor }) => {
    await addDocumentRequirement(db, actor, campaignId, input)
    done(campaignId)
  },
)

export const updateDocumentRequirementAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, requirementId: z.uuid() }).and(documentRequirementSchema),
  async ({ campaignId, requirementId, ...input }, { actor }) => {
    await updateDocumentRequirement(db, actor, campaignId, requirementId, input)
    done(campaignId)
  },
)

export const removeDocumentRequirementAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, requirementId: z.uuid() }),
  async ({ campaignId, requirementId }, { actor }) => {
    await removeDocumentRequirement(db, actor, campaignId, requirementId)
    done(campaignId)
  },
)

export const addCriterionAction = staffAction(
  'campaigns.edit',
  z.object(ids).and(criterionSchema),
  async ({ campaignId, ...input }, { actor }) => {
    await addCriterion(db, actor, campaignId, input)
    done(campaignId)
  },
)

export const updateCriterionAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, criterionId: z.uuid() }).and(criterionSchema),
  async ({ campaignId, criterionId, ...input }, { actor }) => {
    await updateCriterion(db, actor, campaignId, criterionId, input)
    done(campaignId)
  },
)

export const removeCriterionAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, criterionId: z.uuid() }),
  async ({ campaignId, criterionId }, { actor }) => {
    await removeCriterion(db, actor, campaignId, criterionId)
    done(campaignId)
  },
)

export const updateDecisionSettingsAction = staffAction(
  'campaigns.edit',
  z.object(ids).and(decisionSettingsSchema),
  async ({ campaignId, ...input }, { actor }) => {
    await updateDecisionSettings(db, actor, campaignId, input)
    done(campaignId)
  },
)

export const addMotivationAction = staffAction(
  'campaigns.edit',
  z.object(ids).and(motivationSchema),
  async ({ campaignId, label }, { actor }) => {
    await addMotivation(db, actor, label)
    done(campaignId)
  },
)

export const setMotivationActiveAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, motivationId: z.uuid(), active: z.boolean() }),
  async ({ campaignId, motivationId, active }, { actor }) => {
    await setMotivationActive(db, actor, motivationId, active)
    done(campaignId)
  },
)

export const updateProgrammeAction = staffAction(
  'campaigns.edit',
  z.object({ ...ids, programmeId: z.uuid('Formation introuvable.') }).and(programmeSchema),
  async ({ campaignId, programmeId, ...input }, { actor }) => {
    await updateProgramme(db, actor, programmeId, input)
    done(campaignId)
    revalidatePath('/equipe/campagnes')
    revalidatePath('/')
  },
)

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
import { validatedAction } from '@/lib/auth/action'
import { rolesFor } from '@/lib/auth/permissions'
import { authorize } from '@/lib/auth/session'

// Campaign settings belong to coordinators and admins of the campaign's establishment:
// each action authorizes, and every query carries the establishment in its WHERE.
async function scope() {
  const { membership, viewer } = await authorize(rolesFor('campaigns.edit'))
  return { establishmentId: membership.establishmentId, actorUserId: viewer.user.id }
}

const ids = { campaignId: z.uuid('Campagne introuvable.') }
const done = (campaignId: string) => revalidatePath(`/equipe/campagnes/${campaignId}`)

export const updateCampaignSettingsAction = validatedAction(
  z.object(ids).and(campaignSettingsSchema),
  async ({ campaignId, ...input }) => {
    await updateCampaignSettings(db, await scope(), campaignId, input)
    done(campaignId)
  },
)

export const addQuestionAction = validatedAction(
  z.object(ids).and(questionSchema),
  async ({ campaignId, ...input }) => {
    await addQuestion(db, await scope(), campaignId, input)
    done(campaignId)
  },
)

export const updateQuestionAction = validatedAction(
  z.object({ ...ids, questionId: z.uuid() }).and(questionSchema),
  async ({ campaignId, questionId, ...input }) => {
    await updateQuestion(db, await scope(), campaignId, questionId, input)
    done(campaignId)
  },
)

export const removeQuestionAction = validatedAction(
  z.object({ ...ids, questionId: z.uuid() }),
  async ({ campaignId, questionId }) => {
    await removeQuestion(db, await scope(), campaignId, questionId)
    done(campaignId)
  },
)

export const moveQuestionAction = validatedAction(
  z.object({ ...ids, questionId: z.uuid(), direction: z.enum(['up', 'down']) }),
  async ({ campaignId, questionId, direction }) => {
    await moveQuestion(db, await scope(), campaignId, questionId, direction)
    done(campaignId)
  },
)

export const addDocumentRequirementAction = validatedAction(
  z.object(ids).and(documentRequirementSchema),
  async ({ campaignId, ...input }) => {
    await addDocumentRequirement(db, await scope(), campaignId, input)
    done(campaignId)
  },
)

export const updateDocumentRequirementAction = validatedAction(
  z.object({ ...ids, requirementId: z.uuid() }).and(documentRequirementSchema),
  async ({ campaignId, requirementId, ...input }) => {
    await updateDocumentRequirement(db, await scope(), campaignId, requirementId, input)
    done(campaignId)
  },
)

export const removeDocumentRequirementAction = validatedAction(
  z.object({ ...ids, requirementId: z.uuid() }),
  async ({ campaignId, requirementId }) => {
    await removeDocumentRequirement(db, await scope(), campaignId, requirementId)
    done(campaignId)
  },
)

export const addCriterionAction = validatedAction(
  z.object(ids).and(criterionSchema),
  async ({ campaignId, ...input }) => {
    await addCriterion(db, await scope(), campaignId, input)
    done(campaignId)
  },
)

export const updateCriterionAction = validatedAction(
  z.object({ ...ids, criterionId: z.uuid() }).and(criterionSchema),
  async ({ campaignId, criterionId, ...input }) => {
    await updateCriterion(db, await scope(), campaignId, criterionId, input)
    done(campaignId)
  },
)

export const removeCriterionAction = validatedAction(
  z.object({ ...ids, criterionId: z.uuid() }),
  async ({ campaignId, criterionId }) => {
    await removeCriterion(db, await scope(), campaignId, criterionId)
    done(campaignId)
  },
)

export const updateDecisionSettingsAction = validatedAction(
  z.object(ids).and(decisionSettingsSchema),
  async ({ campaignId, ...input }) => {
    await updateDecisionSettings(db, await scope(), campaignId, input)
    done(campaignId)
  },
)

export const addMotivationAction = validatedAction(
  z.object(ids).and(motivationSchema),
  async ({ campaignId, label }) => {
    await addMotivation(db, await scope(), label)
    done(campaignId)
  },
)

export const setMotivationActiveAction = validatedAction(
  z.object({ ...ids, motivationId: z.uuid(), active: z.boolean() }),
  async ({ campaignId, motivationId, active }) => {
    await setMotivationActive(db, await scope(), motivationId, active)
    done(campaignId)
  },
)

export const updateProgrammeAction = validatedAction(
  z.object({ ...ids, programmeId: z.uuid('Formation introuvable.') }).and(programmeSchema),
  async ({ campaignId, programmeId, ...input }) => {
    await updateProgramme(db, await scope(), programmeId, input)
    done(campaignId)
    revalidatePath('/equipe/campagnes')
    revalidatePath('/')
  },
)

'use server'

import { redirect } from 'next/navigation'
import { db } from '@/db'
import {
  campaignForApplication,
  saveApplicationDraft,
  submitApplication,
} from '@/lib/admissions/applications'
import { applicationDraftSchema, applicationSchema } from '@/lib/admissions/schemas'
import type { ActionResult } from '@/lib/auth/action'
import { candidateActionOn } from '@/lib/auth/action-clients'
import { UserFacingError } from '@/lib/errors'
import { requestContext } from '@/lib/http/request-context'

// Any signed-in person may apply; the application is always their own (user id from the
// session). Both actions are called as `action(campaignId, input)`.
async function openCampaign(campaignId: string) {
  const campaign = await campaignForApplication(db, campaignId)
  if (!campaign) throw new UserFacingError('Campagne introuvable.')
  return campaign
}

export const saveApplicationDraftAction = candidateActionOn(
  openCampaign,
  applicationDraftSchema,
  async (draft, { user, resource: campaign }) => {
    const saved = await saveApplicationDraft(db, { campaign, user, draft })
    return { savedAt: saved.updatedAt.toISOString() }
  },
)

const submit = candidateActionOn(
  openCampaign,
  // The number of recommenders is the campaign's; a recommender may not be the candidate.
  ({ user, resource: campaign }) => applicationSchema(campaign.requiredRecommendations, user.email),
  async (data, { user, resource: campaign }) => {
    await submitApplication(db, {
      campaignId: campaign.id,
      user,
      data,
      ...(await requestContext()),
    })
  },
)

export async function submitApplicationAction(
  campaignId: string,
  input: unknown,
): Promise<ActionResult> {
  const result = await submit(campaignId, input)
  if (result.ok) redirect('/espace?depot=ok')
  return result
}

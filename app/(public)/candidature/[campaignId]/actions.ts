'use server'

import { redirect } from 'next/navigation'
import { db } from '@/db'
import {
  campaignForApplication,
  saveApplicationDraft,
  submitApplication,
} from '@/lib/admissions/applications'
import { applicationDraftSchema, applicationSchema } from '@/lib/admissions/schemas'
import { invalidInput, parseOrThrow, runAction, type ActionResult } from '@/lib/auth/action'
import { getViewer } from '@/lib/auth/session'
import { AuthorizationError, UserFacingError } from '@/lib/errors'
import { requestContext } from '@/lib/http/request-context'

// Any signed-in person may apply; the application is always their own (user id from the session).
async function signedInCandidate() {
  const viewer = await getViewer()
  if (!viewer) throw new AuthorizationError('signed-out')
  return viewer.user
}

async function openCampaign(campaignId: unknown) {
  const campaign =
    typeof campaignId === 'string' ? await campaignForApplication(db, campaignId) : undefined
  if (!campaign) throw new UserFacingError('Campagne introuvable.')
  return campaign
}

export async function saveApplicationDraftAction(
  campaignId: string,
  input: unknown,
): Promise<ActionResult<{ savedAt: string }>> {
  const parsed = applicationDraftSchema.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error)
  return runAction(async () => {
    const user = await signedInCandidate()
    const campaign = await openCampaign(campaignId)
    const saved = await saveApplicationDraft(db, { campaign, user, draft: parsed.data })
    return { savedAt: saved.updatedAt.toISOString() }
  })
}

export async function submitApplicationAction(
  campaignId: string,
  input: unknown,
): Promise<ActionResult> {
  const result = await runAction(async () => {
    const user = await signedInCandidate()
    const campaign = await openCampaign(campaignId)
    const data = parseOrThrow(
      applicationSchema(campaign.requiredRecommendations, user.email),
      input,
    )
    await submitApplication(db, {
      campaignId: campaign.id,
      user,
      data,
      ...(await requestContext()),
    })
  })
  if (result.ok) redirect('/espace?depot=ok')
  return result
}

'use server'

import { z } from 'zod'
import { db } from '@/db'
import { reviewCompleteness } from '@/lib/admissions/completeness'
import { UserFacingError } from '@/lib/errors'
import { requestContext } from '@/lib/http/request-context'
import { recommendationLinkAction, submissionLinkAction } from '@/lib/recommendations/link-action'
import { confirmPhoneCode, sendPhoneCode } from '@/lib/recommendations/phone-verification'
import {
  declineRecommendation,
  saveRecommendationDraft,
  submitRecommendation,
} from '@/lib/recommendations/respond'
import {
  declineSchema,
  phoneCodeSchema,
  recommendationDraftSchema,
  recommendationSchema,
  type RecommendationData,
} from '@/lib/recommendations/schemas'
import { configuredSmsSender } from '@/lib/sms/sender'
import { phoneField } from '@/lib/validation/phone-field'

// No account here: the link's token is the authorization, checked on every action (each is
// called as `action(token, input)`); an unknown, expired or revoked link gets one answer.

export const saveRecommendationDraftAction = recommendationLinkAction(
  recommendationDraftSchema,
  async (draft, { token }) => {
    const saved = await saveRecommendationDraft(db, { token, draft })
    return { savedAt: saved.updatedAt.toISOString() }
  },
)

export const submitRecommendationAction = submissionLinkAction(
  async ({ link }) => recommendationSchema((await link()).questions),
  async (data, { link }) => {
    const { verificationCode } = await submitRecommendation(db, {
      submission: await link(),
      data: data as RecommendationData,
      context: await requestContext(),
      sms: configuredSmsSender(),
      onReceived: reviewCompleteness,
    })
    return { verificationCode }
  },
)

export const declineRecommendationAction = recommendationLinkAction(
  declineSchema,
  async ({ reason }, { token }) => {
    await declineRecommendation(db, { token, reason, context: await requestContext() })
  },
)

const phoneOnly = z.object({ phone: phoneField('Votre téléphone') })

export const sendPhoneCodeAction = recommendationLinkAction(
  phoneOnly,
  async ({ phone }, { link }) => {
    const sms = configuredSmsSender()
    if (!sms)
      throw new UserFacingError(
        'La confirmation par SMS n’est pas disponible : votre numéro sera enregistré tel que déclaré.',
      )
    await sendPhoneCode(db, sms, { requestId: (await link()).request.id, phone })
  },
)

export const confirmPhoneCodeAction = recommendationLinkAction(
  phoneOnly.merge(phoneCodeSchema),
  async ({ phone, code }, { link }) => {
    await confirmPhoneCode(db, { requestId: (await link()).request.id, phone, code })
  },
)

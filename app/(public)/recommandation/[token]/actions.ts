'use server'

import { db } from '@/db'
import { reviewCompleteness } from '@/lib/admissions/completeness'
import { phoneField } from '@/lib/validation/phone-field'
import { invalidInput, parseOrThrow, runAction, type ActionResult } from '@/lib/auth/action'
import { UserFacingError } from '@/lib/errors'
import { findOpenLink } from '@/lib/recommendations/links'
import { confirmPhoneCode, sendPhoneCode } from '@/lib/recommendations/phone-verification'
import {
  declineRecommendation,
  InvalidLinkError,
  loadSubmission,
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
import { requestContext } from '@/lib/http/request-context'
import { configuredSmsSender } from '@/lib/sms/sender'
import { z } from 'zod'

// No account here: the link's token is the authorization, checked on every action.
const invalidLink = () =>
  ({
    ok: false,
    fieldErrors: {},
    formError: 'Ce lien n’est plus valide : la demande a expiré ou a été retirée.',
  }) as const

async function guarded<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return await runAction(body)
  } catch (error) {
    if (error instanceof InvalidLinkError) return invalidLink()
    throw error
  }
}

export async function saveRecommendationDraftAction(
  token: string,
  input: unknown,
): Promise<ActionResult<{ savedAt: string }>> {
  const parsed = recommendationDraftSchema.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error)
  return guarded(async () => {
    const saved = await saveRecommendationDraft(db, { token, draft: parsed.data })
    return { savedAt: saved.updatedAt.toISOString() }
  })
}

export async function submitRecommendationAction(
  token: string,
  input: unknown,
): Promise<ActionResult<{ verificationCode: string }>> {
  return guarded(async () => {
    const submission = await loadSubmission(db, token)
    const data = parseOrThrow(
      recommendationSchema(submission.questions),
      input,
    ) as RecommendationData
    const { verificationCode } = await submitRecommendation(db, {
      submission,
      data,
      context: await requestContext(),
      sms: configuredSmsSender(),
      onReceived: reviewCompleteness,
    })
    return { verificationCode }
  })
}

export async function declineRecommendationAction(
  token: string,
  input: unknown,
): Promise<ActionResult> {
  const parsed = declineSchema.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error)
  return guarded(async () => {
    await declineRecommendation(db, {
      token,
      reason: parsed.data.reason,
      context: await requestContext(),
    })
  })
}

const phoneOnly = z.object({ phone: phoneField('Votre téléphone') })

export async function sendPhoneCodeAction(token: string, input: unknown): Promise<ActionResult> {
  const parsed = phoneOnly.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error)
  return guarded(async () => {
    const sms = configuredSmsSender()
    if (!sms)
      throw new UserFacingError(
        'La confirmation par SMS n’est pas disponible : votre numéro sera enregistré tel que déclaré.',
      )
    const link = await findOpenLink(db, token)
    if (!link) throw new InvalidLinkError()
    await sendPhoneCode(db, sms, { requestId: link.request.id, phone: parsed.data.phone })
  })
}

export async function confirmPhoneCodeAction(token: string, input: unknown): Promise<ActionResult> {
  const parsed = phoneOnly.merge(phoneCodeSchema).safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error)
  return guarded(async () => {
    const link = await findOpenLink(db, token)
    if (!link) throw new InvalidLinkError()
    await confirmPhoneCode(db, {
      requestId: link.request.id,
      phone: parsed.data.phone,
      code: parsed.data.code,
    })
  })
}

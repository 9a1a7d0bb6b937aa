import { z } from 'zod'
import '@/lib/validation/french-messages'
import { multiLine, singleLine } from '@/lib/validation/text'
import type { Opinion, RecommendationQuestion } from '@/db/schema'
import { phoneField } from '@/lib/validation/phone-field'
import { ANSWER_MAX, DECLINE_REASON_MAX } from './form-fields'
import { opinionValues, scaleValues } from './scales'

type Question = Pick<RecommendationQuestion, 'id' | 'kind' | 'label' | 'required'>

/**
 * The recommendation form for a campaign's questions, as submitted. Built once per set of
 * questions and kept (schemas are immutable): building one costs zod ten times more than
 * parsing with it, and every submission of a campaign asks for the same.
 */
export function recommendationSchema(questions: Question[]) {
  const key = JSON.stringify(questions.map((q) => [q.id, q.kind, q.label, q.required]))
  let schema = builtSchemas.get(key)
  if (!schema) {
    // A bound on memory: campaigns' questions change rarely, and a rebuild is cheap.
    if (builtSchemas.size >= 500) builtSchemas.clear()
    schema = buildRecommendationSchema(questions)
    builtSchemas.set(key, schema)
  }
  return schema
}

const builtSchemas = new Map<string, ReturnType<typeof buildRecommendationSchema>>()

function buildRecommendationSchema(questions: Question[]) {
  const answers: Record<string, z.ZodType> = {}
  for (const q of questions) {
    if (q.kind === 'scale') {
      answers[q.id] = z.enum(scaleValues, {
        error: `${q.label} : choisissez une réponse (ou « Ne se prononce pas »).`,
      })
    } else {
      const base = multiLine(q.label, ANSWER_MAX)
      answers[q.id] = q.required
        ? base.min(1, `${q.label} : réponse obligatoire.`)
        : base.optional().default('')
    }
  }
  return z.object({
    answers: z.object(answers),
    opinion: z.enum(opinionValues, { error: 'Avis global : choisissez une réponse.' }),
    phone: phoneField('Votre téléphone'),
    certified: z.literal(true, {
      error: 'Cochez la case pour certifier être l’auteur de cet avis.',
    }),
  })
}
export type RecommendationInput = z.input<ReturnType<typeof recommendationSchema>>
export type RecommendationData = {
  answers: Record<string, string>
  opinion: Opinion
  phone: string
  certified: true
}

/** An autosaved draft: anything may be missing, nothing may be too long. */
export const recommendationDraftSchema = z.object({
  answers: z
    .record(
      z.string().uuid(),
      multiLine('Réponse', ANSWER_MAX, `Réponse trop longue : ${ANSWER_MAX} caractères au plus.`),
    )
    .optional(),
  opinion: singleLine('Avis global', 20).optional(),
  phone: singleLine('Votre téléphone', 30).optional(),
})
export type RecommendationDraft = z.output<typeof recommendationDraftSchema>

export const declineSchema = z.object({
  reason: multiLine('Motif', DECLINE_REASON_MAX).min(3, 'Motif : 3 caractères au moins.'),
})

export const phoneCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Code : 6 chiffres.'),
})

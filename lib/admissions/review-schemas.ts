import { z } from 'zod'
import '@/lib/validation/french-messages'
import { multiLine, singleLine } from '@/lib/validation/text'

export const documentVerdictSchema = z
  .object({
    documentId: z.uuid('Pièce introuvable.'),
    verdict: z.enum(['valid', 'refused'], { error: 'Choisissez : valider ou refuser.' }),
    reason: multiLine('Motif', 500).optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === 'refused' && v.reason.length < 3)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Motif : indiquez pourquoi la pièce est refusée.',
      })
  })
export type DocumentVerdictInput = z.input<typeof documentVerdictSchema>

const ids = z
  .array(z.uuid('Candidature introuvable.'))
  .min(1, 'Sélectionnez au moins une candidature.')
  .max(1000, '1000 candidatures au plus à la fois.')

export const assignEvenlySchema = z.object({
  campaignId: z.uuid('Campagne introuvable.'),
  reviewerIds: z
    .array(singleLine('Examinateurs', 64).min(1, 'Examinateurs : cochez au moins une personne.'))
    .min(1, 'Examinateurs : cochez au moins une personne.'),
  perFile: z.coerce
    .number<string | number>({ error: 'Examens par dossier : nombre attendu.' })
    .int('Examens par dossier : nombre entier attendu.')
    .min(1, 'Examens par dossier : 1 au moins.')
    .max(5, 'Examens par dossier : 5 au plus.'),
})
export type AssignEvenlyInput = z.input<typeof assignEvenlySchema>

export const assignReviewerSchema = z.object({
  campaignId: z.uuid(),
  applicationIds: ids,
  reviewerId: singleLine('Examinateur', 64).min(1, 'Examinateur : choisissez une personne.'),
})

export const bulkDecisionSchema = z
  .object({
    campaignId: z.uuid(),
    applicationIds: ids,
    outcome: z.enum(['admitted', 'waitlisted', 'rejected'], {
      error: 'Décision : choisissez une décision.',
    }),
    motivationId: singleLine('Motif', 64).optional().default(''),
    motivationText: multiLine('Précisions', 500).optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'rejected' && !v.motivationId)
      ctx.addIssue({
        code: 'custom',
        path: ['motivationId'],
        message: 'Motif : un avis défavorable doit être motivé.',
      })
  })
export type BulkDecisionInput = z.input<typeof bulkDecisionSchema>

export const criterionSchema = z.object({
  label: singleLine('Intitulé', 120).min(2, 'Intitulé : 2 caractères au moins.'),
  scaleMax: z.coerce
    .number<string | number>({ error: 'Barème : nombre attendu.' })
    .int('Barème : nombre entier.')
    .min(1, 'Barème : 1 au moins.')
    .max(100, 'Barème : 100 au plus.'),
  weight: z.coerce
    .number<string | number>({ error: 'Coefficient : nombre attendu.' })
    .min(0.1, 'Coefficient : 0,1 au moins.')
    .max(100, 'Coefficient : 100 au plus.'),
})
export type CriterionFormInput = z.input<typeof criterionSchema>

export const decisionSettingsSchema = z.object({
  responseDays: z.coerce
    .number<string | number>({ error: 'Délai de réponse : nombre attendu.' })
    .int('Délai de réponse : nombre entier de jours.')
    .min(1, 'Délai de réponse : 1 jour au moins.')
    .max(60, 'Délai de réponse : 60 jours au plus.'),
  responseDeadlineOn: z
    .union([
      z.literal(''),
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date limite de réponse : date invalide.'),
    ])
    .optional()
    .default(''),
  decisionEmailSubject: singleLine('Objet', 200).min(3, 'Objet : 3 caractères au moins.'),
  decisionEmailBody: multiLine('Message', 5000).min(20, 'Message : 20 caractères au moins.'),
})
export type DecisionSettingsInput = z.input<typeof decisionSettingsSchema>

export const reviewFormSchema = z.object({
  applicationId: z.uuid(),
  scores: z.record(
    z.string(),
    z.union([z.literal(''), z.coerce.number<string | number>()]).optional(),
  ),
  comment: multiLine('Commentaire', 2000).optional().default(''),
  finish: z.boolean().default(false),
})
export type ReviewFormInput = z.input<typeof reviewFormSchema>

export const motivationSchema = z.object({
  label: singleLine('Motif', 200).min(5, 'Motif : 5 caractères au moins.'),
})
export type MotivationInput = z.input<typeof motivationSchema>

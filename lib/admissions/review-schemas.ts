import { z } from 'zod'
import '@/lib/validation/french-messages'

export const documentVerdictSchema = z
  .object({
    documentId: z.uuid('Pièce introuvable.'),
    verdict: z.enum(['valid', 'refused'], { error: 'Choisissez : valider ou refuser.' }),
    reason: z.string().trim().max(500, 'Motif : 500 caractères au plus.').optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === 'refused' && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Motif : indiquez pourquoi la pièce est refusée.' })
  })
export type DocumentVerdictInput = z.input<typeof documentVerdictSchema>

const ids = z.array(z.uuid('Candidature introuvable.')).min(1, 'Sélectionnez au moins une candidature.').max(1000, '1000 candidatures au plus à la fois.')

export const assignEvenlySchema = z.object({
  campaignId: z.uuid('Campagne introuvable.'),
  reviewerIds: z.array(z.string().min(1)).min(1, 'Examinateurs : cochez au moins une personne.'),
  perFile: z.coerce.number<string | number>({ error: 'Examens par dossier : nombre attendu.' }).int('Examens par dossier : nombre entier attendu.').min(1, 'Examens par dossier : 1 au moins.').max(5, 'Examens par dossier : 5 au plus.'),
})
export type AssignEvenlyInput = z.input<typeof assignEvenlySchema>

export const assignReviewerSchema = z.object({ campaignId: z.uuid(), applicationIds: ids, reviewerId: z.string().min(1, 'Examinateur : choisissez une personne.') })

export const bulkDecisionSchema = z
  .object({
    campaignId: z.uuid(),
    applicationIds: ids,
    outcome: z.enum(['admitted', 'waitlisted', 'rejected'], { error: 'Décision : choisissez une décision.' }),
    motivationId: z.string().optional().default(''),
    motivationText: z.string().trim().max(500, 'Précisions : 500 caractères au plus.').optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'rejected' && !v.motivationId) ctx.addIssue({ code: 'custom', path: ['motivationId'], message: 'Motif : un avis défavorable doit être motivé.' })
  })
export type BulkDecisionInput = z.input<typeof bulkDecisionSchema>

export const criterionSchema = z.object({
  label: z.string().trim().min(2, 'Intitulé : 2 caractères au moins.').max(120, 'Intitulé : 120 caractères au plus.'),
  scaleMax: z.coerce.number<string | number>({ error: 'Barème : nombre attendu.' }).int('Barème : nombre entier.').min(1, 'Barème : 1 au moins.').max(100, 'Barème : 100 au plus.'),
  weight: z.coerce.number<string | number>({ error: 'Coefficient : nombre attendu.' }).min(0.1, 'Coefficient : 0,1 au moins.').max(100, 'Coefficient : 100 au plus.'),
})
export type CriterionFormInput = z.input<typeof criterionSchema>

export const decisionSettingsSchema = z.object({
  responseDays: z.coerce.number<string | number>({ error: 'Délai de réponse : nombre attendu.' }).int('Délai de réponse : nombre entier de jours.').min(1, 'Délai de réponse : 1 jour au moins.').max(60, 'Délai de réponse : 60 jours au plus.'),
  responseDeadlineOn: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date limite de réponse : date invalide.')]).optional().default(''),
  decisionEmailSubject: z.string().trim().min(3, 'Objet : 3 caractères au moins.').max(200, 'Objet : 200 caractères au plus.'),
  decisionEmailBody: z.string().trim().min(20, 'Message : 20 caractères au moins.').max(5000, 'Message : 5000 caractères au plus.'),
})
export type DecisionSettingsInput = z.input<typeof decisionSettingsSchema>

export const reviewFormSchema = z.object({
  applicationId: z.uuid(),
  scores: z.record(z.string(), z.union([z.literal(''), z.coerce.number<string | number>()]).optional()),
  comment: z.string().trim().max(2000, 'Commentaire : 2000 caractères au plus.').optional().default(''),
  finish: z.boolean().default(false),
})
export type ReviewFormInput = z.input<typeof reviewFormSchema>

export const motivationSchema = z.object({ label: z.string().trim().min(5, 'Motif : 5 caractères au moins.').max(200, 'Motif : 200 caractères au plus.') })
export type MotivationInput = z.input<typeof motivationSchema>

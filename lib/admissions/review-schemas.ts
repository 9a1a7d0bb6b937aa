import { z } from 'zod'

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

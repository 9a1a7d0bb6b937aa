import { z } from 'zod'
import '@/lib/validation/french-messages'
import { multiLine, singleLine } from '@/lib/validation/text'
import { questionKinds } from '@/db/schema'
import { programmeFields, programmeNamed } from '@/lib/establishments/schemas'
import { documentFormats } from '@/lib/storage/document-formats'

// A checkbox as forms send it: a boolean, or "on"/"true"/"false" from form data ("false" is false).
const checkbox = z.preprocess(
  (v) => (v === 'false' || v === '' || v === 'off' ? false : v),
  z.coerce.boolean<unknown>(),
)

const isoDate = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : date invalide.`)

const campaignFields = z.object({
  name: singleLine('Nom', 120).min(1, 'Nom : champ obligatoire.'),
  description: multiLine('Description', 1000).optional().default(''),
  opensOn: isoDate('Ouverture'),
  closesOn: isoDate('Clôture'),
  recommendationDeadlineOn: isoDate('Date limite des recommandations'),
  requiredRecommendations: z.coerce
    .number<string | number>({ error: 'Nombre de recommandants : nombre attendu.' })
    .int('Nombre de recommandants : nombre entier attendu.')
    .min(0, 'Nombre de recommandants : 0 au moins.')
    .max(5, 'Nombre de recommandants : 5 au plus.'),
})

function datesInOrder(
  v: { opensOn: string; closesOn: string; recommendationDeadlineOn: string },
  ctx: z.RefinementCtx,
) {
  if (v.closesOn < v.opensOn)
    ctx.addIssue({
      code: 'custom',
      path: ['closesOn'],
      message: 'Clôture : doit suivre l’ouverture.',
    })
  if (v.recommendationDeadlineOn < v.opensOn)
    ctx.addIssue({
      code: 'custom',
      path: ['recommendationDeadlineOn'],
      message: 'Date limite des recommandations : doit suivre l’ouverture.',
    })
}

export const campaignSettingsSchema = campaignFields.superRefine(datesInOrder)
export type CampaignSettingsInput = z.input<typeof campaignSettingsSchema>

/** A new campaign: for an existing programme or a new one, optionally with the settings of an earlier campaign. */
export const newCampaignSchema = campaignFields
  .extend({
    programmeId: z.union([z.literal('new'), z.uuid('Formation : choisissez une formation.')], {
      error: 'Formation : choisissez une formation.',
    }),
    ...programmeFields,
    copyFromCampaignId: z
      .union([z.literal(''), z.uuid('Campagne à reprendre : choisissez une campagne.')])
      .optional()
      .default(''),
  })
  .superRefine((v, ctx) => {
    datesInOrder(v, ctx)
    if (v.programmeId === 'new') programmeNamed(v, ctx)
  })
export type NewCampaignInput = z.input<typeof newCampaignSchema>

export const questionSchema = z.object({
  kind: z.enum(questionKinds, { error: 'Type : choisissez une réponse.' }),
  label: singleLine('Intitulé', 200).min(3, 'Intitulé : 3 caractères au moins.'),
  help: singleLine('Aide', 300).optional().default(''),
  required: checkbox.default(true),
})
export type QuestionInput = z.input<typeof questionSchema>

// The formats staff may ask for: every format an upload is checked against.
export const documentFormatChoices = documentFormats

export const documentRequirementSchema = z.object({
  name: singleLine('Nom de la pièce', 120).min(3, 'Nom de la pièce : 3 caractères au moins.'),
  helpText: singleLine('Aide', 300).optional().default(''),
  formats: z
    .array(z.enum(documentFormatChoices), { error: 'Formats : cochez au moins un format.' })
    .min(1, 'Formats : cochez au moins un format.'),
  maxMegabytes: z.coerce
    .number<string | number>({ error: 'Taille maximale : nombre attendu.' })
    .int('Taille maximale : nombre entier de Mo.')
    .min(1, 'Taille maximale : 1 Mo au moins.')
    .max(50, 'Taille maximale : 50 Mo au plus.'),
  required: checkbox.default(true),
})
export type DocumentRequirementInput = z.input<typeof documentRequirementSchema>

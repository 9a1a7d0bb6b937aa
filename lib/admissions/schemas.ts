import { z } from 'zod'
import '@/lib/validation/french-messages'
import { multiLine, singleLine } from '@/lib/validation/text'
import { phoneField } from '@/lib/validation/phone-field'
import { civilities, diplomas, MOTIVATION_MAX, MOTIVATION_MIN } from './application-fields'

const required = (label: string) => ({ error: `${label} : champ obligatoire.`, abort: true })

// Filled-in text: one line (a name, an address), or several (a letter).
const filled = (base: z.ZodString, label: string, min: number) => {
  const present = base.min(1, required(label))
  return min > 1 ? present.min(min, `${label} : ${min} caractères au moins.`) : present
}
const text = (label: string, max: number, min = 1) => filled(singleLine(label, max), label, min)
const longText = (label: string, max: number, min = 1) => filled(multiLine(label, max), label, min)

const email = (label: string) =>
  singleLine(label, 254, `${label} : adresse trop longue.`)
    .min(1, `${label} : champ obligatoire.`)
    .pipe(z.email({ error: `${label} : adresse e-mail invalide.` }))
    .transform((v) => v.toLowerCase())

export const recommenderSchema = z.object({
  name: text('Nom du recommandant', 120, 2),
  position: text('Poste', 120, 2),
  email: email('E-mail du recommandant'),
})

const MIN_AGE = 15
const MAX_AGE = 80

const fields = {
  civility: z.enum(civilities.map((c) => c.value) as [string, ...string[]], {
    error: 'Civilité : choisissez une réponse.',
  }),
  firstName: text('Prénom', 100),
  lastName: text('Nom', 100),
  birthDate: z
    .string({ error: 'Date de naissance : champ obligatoire.' })
    .min(1, required('Date de naissance'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date de naissance : date invalide.')
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`)
      if (Number.isNaN(date.getTime())) return false
      const age = (Date.now() - date.getTime()) / (365.25 * 24 * 3600 * 1000)
      return age >= MIN_AGE && age <= MAX_AGE
    }, `Date de naissance : vous devez avoir entre ${MIN_AGE} et ${MAX_AGE} ans.`),
  phone: phoneField('Téléphone'),
  addressLine: text('Adresse', 200),
  postalCode: text('Code postal', 12).regex(
    /^[0-9A-Za-z -]+$/,
    'Code postal : caractères invalides.',
  ),
  city: text('Ville', 100),
  country: text('Pays', 60),
  diploma: z.enum(diplomas.map((d) => d.value) as [string, ...string[]], {
    error: 'Diplôme en cours : choisissez une réponse.',
  }),
  currentEstablishment: text('Établissement actuel', 200),
  specialty: text('Spécialité', 200),
  graduationYear: z
    .union([z.string(), z.number()])
    .refine((v) => String(v).trim() !== '', required('Année d’obtention'))
    .pipe(
      z.coerce
        .number<string | number>({ error: 'Année d’obtention : nombre attendu.' })
        .int('Année d’obtention : nombre entier attendu.')
        .min(2000, 'Année d’obtention : 2000 au plus tôt.')
        .max(2100, 'Année d’obtention : année invalide.'),
    ),
  motivation: longText('Lettre de motivation', MOTIVATION_MAX, MOTIVATION_MIN),
}

/**
 * The complete application, as submitted. The number of recommenders is the campaign's;
 * recommenders must be distinct people, and not the candidate.
 */
export function applicationSchema(requiredRecommendations: number, candidateEmail?: string) {
  return z
    .object({
      ...fields,
      recommenders: z
        .array(recommenderSchema)
        .length(requiredRecommendations, `Indiquez ${requiredRecommendations} recommandant(s).`),
    })
    .superRefine((value, ctx) => {
      const seen = new Map<string, number>()
      value.recommenders.forEach((r, index) => {
        if (candidateEmail && r.email === candidateEmail.toLowerCase()) {
          ctx.addIssue({
            code: 'custom',
            path: ['recommenders', index, 'email'],
            message: 'E-mail du recommandant : vous ne pouvez pas vous recommander vous-même.',
          })
        }
        const previous = seen.get(r.email)
        if (previous !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['recommenders', index, 'email'],
            message: `E-mail du recommandant : déjà utilisé pour le recommandant ${previous + 1}.`,
          })
        }
        seen.set(r.email, index)
      })
    })
}
export type ApplicationInput = z.input<ReturnType<typeof applicationSchema>>
export type ApplicationData = z.output<ReturnType<typeof applicationSchema>>

const optionalText = (label: string, max: number) => singleLine(label, max).optional()

/** A draft: anything may be missing, but nothing may be too long. */
export const applicationDraftSchema = z.object({
  civility: singleLine('Civilité', 10).optional(),
  firstName: optionalText('Prénom', 100),
  lastName: optionalText('Nom', 100),
  birthDate: singleLine('Date de naissance', 10).optional(),
  phone: optionalText('Téléphone', 30),
  addressLine: optionalText('Adresse', 200),
  postalCode: optionalText('Code postal', 12),
  city: optionalText('Ville', 100),
  country: optionalText('Pays', 60),
  diploma: singleLine('Diplôme en cours', 20).optional(),
  currentEstablishment: optionalText('Établissement actuel', 200),
  specialty: optionalText('Spécialité', 200),
  graduationYear: z.union([singleLine('Année d’obtention', 4), z.number()]).optional(),
  motivation: multiLine('Lettre de motivation', MOTIVATION_MAX).optional(),
  recommenders: z
    .array(
      z.object({
        name: optionalText('Nom du recommandant', 120),
        position: optionalText('Poste', 120),
        email: optionalText('E-mail du recommandant', 254),
      }),
    )
    .max(5)
    .optional(),
})
export type ApplicationDraft = z.output<typeof applicationDraftSchema>

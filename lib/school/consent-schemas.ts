import { z } from 'zod'
import '@/lib/validation/french-messages'
import { singleLine } from '@/lib/validation/text'
import { relationships } from './consent-words'

// The consent forms' schemas, shared by the forms and the actions. The words the representative
// reads live in ./consent-words (no zod: the public page fetches the schema lazily).

const email = (label: string) =>
  singleLine(label, 254).pipe(z.email({ error: `${label} : adresse e-mail invalide.` }))

const studentId = z.uuid({ error: 'Élève introuvable.' })

/** The main teacher sends the link: the representative's address may be corrected here. */
export const consentLinkSchema = z.object({
  studentId,
  guardianEmail: email('E-mail du représentant légal'),
  guardianName: singleLine('Nom du représentant légal', 120).optional(),
})
export type ConsentLinkInput = z.input<typeof consentLinkSchema>

/** Acting on one student's consent (reminder, withdrawal). */
export const consentStudentSchema = z.object({ studentId })

/** What the representative confirms through the link. */
export const consentConfirmationSchema = z.object({
  guardianName: singleLine('Votre nom et prénom', 120).min(2, 'Votre nom et prénom : requis.'),
  relationship: z.enum(relationships, { error: 'Lien avec l’élève : choisissez une réponse.' }),
  accepted: z
    .union([z.literal(true), z.literal('on'), z.literal('true')], {
      error: 'Cochez la case pour donner votre autorisation.',
    })
    .transform(() => true as const),
})
export type ConsentConfirmationInput = z.input<typeof consentConfirmationSchema>

// The signed form: a scan or a photo, as supporting documents are checked.
export const CONSENT_FORM_MAX_BYTES = 10 * 1024 * 1024
export const consentFormFormats = ['pdf', 'jpeg', 'png'] as const

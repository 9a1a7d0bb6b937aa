import { z } from 'zod'
import '@/lib/validation/french-messages'
import { singleLine } from '@/lib/validation/text'

// The consent forms' schemas and the words a legal representative agrees to, safe to import
// in the browser.

export const relationships = ['mere', 'pere', 'tuteur', 'autre'] as const
export type Relationship = (typeof relationships)[number]
export const relationshipLabels: Record<Relationship, string> = {
  mere: 'Mère',
  pere: 'Père',
  tuteur: 'Tuteur ou tutrice légal(e)',
  autre: 'Autre représentant(e) légal(e)',
}

/** Legal representatives write their relationship in free text on paper; the link offers these. */
export const relationshipLabel = (value: string | null) =>
  value && value in relationshipLabels ? relationshipLabels[value as Relationship] : (value ?? '')

/**
 * The exact words the representative ticks on the consent page; the receipt repeats them and
 * the audit entry keeps them, so what was agreed to can be shown later word for word.
 */
export function consentStatement(params: { studentName: string; establishmentName: string }) {
  return (
    `J’autorise ${params.studentName}, élève de l’établissement ${params.establishmentName}, à ` +
    'utiliser les services élèves de la plateforme Tremplin (sa page personnelle, la recherche ' +
    'et le suivi de ses stages, les échanges avec son établissement et les organismes ' +
    'd’accueil), et l’établissement à traiter pour cela les données nécessaires (identité, ' +
    'classe, coordonnées, documents de stage). Je sais que je peux retirer cette autorisation à ' +
    'tout moment, par le lien reçu par e-mail ou auprès de l’établissement.'
  )
}

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

import { z } from 'zod'
import '@/lib/validation/french-messages'
import { establishmentKindValues } from './kinds'
import { multiLine, singleLine } from '@/lib/validation/text'
import { isDomain, mayRegisterFrom, normalizeDomain, splitDomains } from './email-domains'
import { uaiField } from './uai'

// A programme as the catalogue shows it. The department is named freely: a new name creates it.
export const programmeFields = {
  programmeName: singleLine('Nom de la formation', 120).optional().default(''),
  programmeLevel: singleLine('Niveau', 60).optional().default(''),
  departmentName: singleLine('Département', 80).optional().default(''),
  programmeDescription: multiLine('Présentation de la formation', 1000).optional().default(''),
}
export const programmeNamed = (v: { programmeName: string }, ctx: z.RefinementCtx) => {
  if (v.programmeName.length < 3)
    ctx.addIssue({
      code: 'custom',
      path: ['programmeName'],
      message: 'Nom de la formation : 3 caractères au moins.',
    })
}

export const programmeSchema = z.object(programmeFields).superRefine(programmeNamed)
export type ProgrammeInput = z.input<typeof programmeSchema>
export type ProgrammeFields = z.output<typeof programmeSchema>

export const establishmentSettingsSchema = z.object({
  maxApplicationsPerCandidate: z.coerce
    .number<string | number>({ error: 'Candidatures par candidat : nombre attendu.' })
    .int('Candidatures par candidat : nombre entier attendu.')
    .min(1, 'Candidatures par candidat : 1 au moins.')
    .max(100, 'Candidatures par candidat : 100 au plus.'),
})
export type EstablishmentSettingsInput = z.input<typeof establishmentSettingsSchema>

// ——— The establishment itself: where it is, who writes from it (issue 11, item 1) ———

const email = (label: string) =>
  singleLine(label, 254, `${label} : 254 caractères au plus.`)
    .min(1, `${label} : champ obligatoire.`)
    .pipe(z.email({ error: `${label} : adresse invalide, de la forme nom@exemple.fr.` }))
    .transform((value) => value.toLowerCase())

/** Decimal degrees typed with a point or a comma; empty means not located yet (null). */
function coordinate(label: string, limit: number) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value, ctx) => {
      if (value === null || value === undefined) return null
      const text = String(value).trim().replace(',', '.')
      if (text === '') return null
      const number = Number(text)
      if (!Number.isFinite(number) || Math.abs(number) > limit) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} : nombre entre -${limit} et ${limit} attendu, en degrés décimaux (ex. 43,6045).`,
        })
        return z.NEVER
      }
      return number
    })
}

const schoolName = singleLine('Nom de l’établissement', 150).min(
  3,
  'Nom de l’établissement : 3 caractères au moins.',
)
const postcode = z
  .string({ error: 'Code postal : champ obligatoire.' })
  .trim()
  .min(1, 'Code postal : champ obligatoire.')
  .regex(/^\d{5}$/, 'Code postal : 5 chiffres attendus (ex. 31000).')
const city = singleLine('Commune', 100).min(1, 'Commune : choisissez-la dans la liste.')
const address = singleLine('Adresse', 200).optional().default('')
const kind = z.enum(establishmentKindValues, { error: 'Type d’établissement : choisissez-en un.' })

const domain = (label: string) =>
  singleLine(label, 253)
    .transform(normalizeDomain)
    .refine((value) => value.length > 0, `${label} : champ obligatoire.`)
    .refine(
      (value) => value.length === 0 || isDomain(value),
      `${label} : un nom de domaine est attendu (ex. college-jaures.fr), sans « @ » ni « www ».`,
    )

const domainList = singleLine('Domaines e-mail du personnel', 1000)
  .optional()
  .default('')
  .transform((value, ctx) => {
    const list = splitDomains(value)
    const wrong = list.filter((d) => !isDomain(d))
    if (wrong.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `Domaines e-mail du personnel : « ${wrong.join(' », « ')} » n’${wrong.length > 1 ? 'en sont' : 'en est'} pas un (ex. college-jaures.fr).`,
      })
    if (list.length > 10)
      ctx.addIssue({ code: 'custom', message: 'Domaines e-mail du personnel : 10 au plus.' })
    return list
  })

/** What the head (or an admin) edits on /equipe/etablissement. */
export const establishmentProfileFields = {
  name: schoolName,
  address,
  postcode,
  city,
  latitude: coordinate('Latitude', 90),
  longitude: coordinate('Longitude', 180),
  emailDomains: domainList,
}
export const establishmentProfileSchema = z.object(establishmentProfileFields)
export type EstablishmentProfileInput = z.input<typeof establishmentProfileSchema>
export type EstablishmentProfile = z.output<typeof establishmentProfileSchema>

/** A platform operator creating an establishment, and optionally inviting its first head. */
export const newEstablishmentSchema = z.object({
  ...establishmentProfileFields,
  uai: uaiField,
  kind,
  headEmail: singleLine('Adresse du chef d’établissement', 254)
    .optional()
    .default('')
    .refine(
      (value) => value === '' || z.email().safeParse(value).success,
      'Adresse du chef d’établissement : adresse invalide, de la forme nom@exemple.fr.',
    )
    .transform((value) => value.toLowerCase()),
})
export type NewEstablishmentInput = z.input<typeof newEstablishmentSchema>
export type NewEstablishmentFields = z.output<typeof newEstablishmentSchema>

/** A head registering their school (seed 004), in three steps; the server checks the commune. */
export const registrationSchema = z
  .object({
    postcode,
    city,
    name: schoolName,
    uai: uaiField,
    kind,
    address,
    emailDomain: domain('Domaine e-mail de l’établissement'),
    headName: singleLine('Vos nom et prénom', 120).min(
      3,
      'Vos nom et prénom : 3 caractères au moins.',
    ),
    headEmail: email('Votre adresse professionnelle'),
  })
  .superRefine((value, ctx) => {
    if (
      value.emailDomain &&
      value.headEmail &&
      !mayRegisterFrom(value.headEmail, value.emailDomain)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['headEmail'],
        message: `Votre adresse professionnelle : elle doit être sur le domaine de l’établissement (@${value.emailDomain}) ou de votre académie (@ac-….fr).`,
      })
  })
export type RegistrationInput = z.input<typeof registrationSchema>
export type RegistrationFields = z.output<typeof registrationSchema>

export const registrationDecisionSchema = z.object({
  registrationId: z.uuid({ error: 'Demande introuvable.' }),
})

export const registrationRejectionSchema = z.object({
  registrationId: z.uuid({ error: 'Demande introuvable.' }),
  reason: multiLine('Motif du refus', 1000).min(10, 'Motif du refus : 10 caractères au moins.'),
})

/** The logo's upload (its bytes are checked on the server: lib/establishments/logo.ts). */
export const logoUploadSchema = z.object({
  logo: z
    .instanceof(File, { message: 'Logo : choisissez un fichier.' })
    .refine((file) => file.size > 0, 'Logo : choisissez un fichier.'),
})

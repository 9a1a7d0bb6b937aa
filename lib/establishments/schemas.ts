import { z } from 'zod'
import '@/lib/validation/french-messages'
import { multiLine, singleLine } from '@/lib/validation/text'

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

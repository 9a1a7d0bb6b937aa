import { z } from 'zod'
import '@/lib/validation/french-messages'
import { singleLine } from '@/lib/validation/text'
import { isUuid } from '@/lib/validation/uuid'
import { periodProblems } from './internship-periods'
import { importFields } from './student-import/mapping'

// The forms of the classes page and of the student import, shared by the form and its action.

const uuid = (message: string) => z.string().refine(isUuid, message)
// The form's resolver hands the action the parsed values: every transform must accept its
// own output again ('' → null, then null → null).
const optionalUuid = z
  .string()
  .nullish()
  .transform((v) => (v && isUuid(v) ? v : null))
const optionalText = (label: string, max: number) =>
  singleLine(label, max)
    .nullish()
    .transform((v) => v || null)
const isoDate = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : date attendue.`)

export const classSchema = z.object({
  schoolYearId: uuid('Année scolaire introuvable.'),
  name: singleLine('Nom de la classe', 60).min(1, 'Nom de la classe : champ obligatoire.'),
  level: optionalText('Niveau', 40),
  // Set for a cohort (a programme's students this year).
  programmeId: optionalUuid,
})
export type ClassInput = z.output<typeof classSchema>
export type ClassFormValues = z.input<typeof classSchema>

export const periodSchema = z.object({
  label: optionalText('Intitulé', 80),
  startsOn: isoDate('Début'),
  endsOn: isoDate('Fin'),
})

export const classSettingsSchema = z
  .object({
    classId: uuid('Classe introuvable.'),
    name: singleLine('Nom de la classe', 60).min(1, 'Nom de la classe : champ obligatoire.'),
    level: optionalText('Niveau', 40),
    programmeId: optionalUuid,
    internshipsEnabled: z.boolean(),
    mainTeacherUserIds: z.array(z.string()).max(10),
    periods: z.array(periodSchema).max(10, 'Dix périodes au plus.'),
  })
  .superRefine((value, ctx) => {
    if (!value.internshipsEnabled) return
    // Order and overlap here; the school year's bounds are checked on the server.
    const problems = periodProblems(value.periods, {
      label: '',
      startsOn: '0000-01-01',
      endsOn: '9999-12-31',
    })
    for (const [i, message] of problems)
      ctx.addIssue({ code: 'custom', path: ['periods', i, 'startsOn'], message })
  })
export type ClassSettingsInput = z.output<typeof classSettingsSchema>
export type ClassSettingsValues = z.input<typeof classSettingsSchema>

const columnIndex = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (v === '' || v === undefined || v === null ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 0 && v < 500), 'Colonne inconnue.')

export const importMappingSchema = z.object({
  importId: uuid('Import introuvable.'),
  columns: z.object(
    Object.fromEntries(importFields.map((f) => [f, columnIndex])) as {
      [K in (typeof importFields)[number]]: typeof columnIndex
    },
  ),
  createMissingClasses: z.boolean().default(false),
})
export type ImportMappingInput = z.output<typeof importMappingSchema>
export type ImportMappingValues = z.input<typeof importMappingSchema>

export const importConfirmSchema = z.object({
  importId: uuid('Import introuvable.'),
  sendInvitations: z.boolean().default(false),
})
export type ImportConfirmInput = z.output<typeof importConfirmSchema>

export const classInviteSchema = z.object({ classId: uuid('Classe introuvable.') })

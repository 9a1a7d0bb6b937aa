import { z } from 'zod'
import '@/lib/validation/french-messages'
import type { Role } from '@/db/schema'
import { singleLine } from '@/lib/validation/text'

// The roles a head or an admin gives from the members page. Students join through the
// student import and their class's invitations, never from here.
export const staffRoles = [
  'head',
  'admin',
  'coordinator',
  'internship_coordinator',
  'reviewer',
  'main_teacher',
  'tutor',
  'staff',
] as const satisfies readonly Role[]
export type StaffRole = (typeof staffRoles)[number]

export const isStaffRole = (role: string): role is StaffRole =>
  (staffRoles as readonly string[]).includes(role)

const roleField = z.enum(staffRoles, { error: 'Rôle : choisissez un rôle dans la liste.' })
const idField = (label: string) => z.uuid({ error: `${label} : identifiant invalide.` })
// A person's id is Auth.js's text id (a UUID for every account created here).
const userIdField = singleLine('Personne', 64).min(1, 'Personne : identifiant manquant.')

// A lone checkbox posts its value or `false`, several post a list: always a list here.
const classIdsField = z.preprocess(
  (value) =>
    value === undefined || value === null || value === false || value === true
      ? []
      : Array.isArray(value)
        ? value
        : [value],
  z.array(idField('Classe')).max(50, 'Classes : 50 au plus.'),
)

/** The invitation form of the members page (one schema for the form and the action). */
export const inviteMemberSchema = z
  .object({
    email: singleLine('Adresse e-mail', 254, 'Adresse e-mail trop longue.')
      .min(1, 'Indiquez l’adresse e-mail de la personne à inviter.')
      .pipe(
        z.email({
          error: 'Adresse e-mail invalide : vérifiez qu’elle a la forme nom@exemple.fr.',
        }),
      )
      .transform((email) => email.toLowerCase()),
    role: roleField,
    classIds: classIdsField,
  })
  .superRefine((value, ctx) => {
    if (value.role === 'main_teacher' && value.classIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['classIds'],
        message: 'Classes : cochez au moins une classe dont la personne sera professeur principal.',
      })
  })
export type InviteMemberInput = z.input<typeof inviteMemberSchema>
export type InviteMemberValues = z.output<typeof inviteMemberSchema>

export const invitationIdSchema = z.object({ invitationId: idField('Invitation') })

export const memberRoleSchema = z.object({ userId: userIdField, role: roleField })

export const memberSchema = z.object({ userId: userIdField })

/** Whether an address falls outside the establishment's staff domains (a warning, not a refusal). */
export function isOutsideEmailDomains(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return false
  const at = email.trim().lastIndexOf('@')
  if (at < 0) return false
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase()
  return !domains.some((d) => {
    const allowed = d.trim().toLowerCase().replace(/^@/, '')
    return domain === allowed || domain.endsWith(`.${allowed}`)
  })
}

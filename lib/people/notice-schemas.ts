import { z } from 'zod'
import '@/lib/validation/french-messages'
import { noticeKinds } from '@/db/schema'

// Control characters other than line breaks and tabs have no place in a text people read
// (a NUL byte would also break Postgres); Windows line ends are kept as plain ones.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export const noticeBody = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(50, 'Texte : 50 caractères au moins.')
      .max(20_000, 'Texte : 20 000 caractères au plus.')
      .refine((s) => !CONTROL.test(s), 'Texte : caractères de contrôle non autorisés.'),
  )

/** The admin's editor of one footer page (accessibility, legal notice, privacy). */
export const noticeSchema = z.object({
  kind: z.enum(noticeKinds, { error: 'Page : choix invalide.' }),
  body: noticeBody,
})
export type NoticeInput = z.input<typeof noticeSchema>

export const noticeResetSchema = z.object({
  kind: z.enum(noticeKinds, { error: 'Page : choix invalide.' }),
})

/** An establishment's slug in `?etablissement=`: anything else is ignored, never an error. */
export const establishmentSlugParam = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/)
  .optional()
  .catch(undefined)

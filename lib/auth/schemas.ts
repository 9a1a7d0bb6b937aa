import { z } from 'zod'
import '@/lib/validation/french-messages'
import { singleLine } from '@/lib/validation/text'
import { safeRedirectPath } from './safe-redirect'

/** Only same-site paths: a link must never send someone to another site after sign-in. */
export const safeCallbackUrl = (value: unknown): string => safeRedirectPath(value)

export const signInSchema = z.object({
  email: singleLine('Adresse e-mail', 254, 'Adresse e-mail trop longue.')
    .min(1, 'Indiquez votre adresse e-mail.')
    .pipe(
      z.email({ error: 'Adresse e-mail invalide : vérifiez qu’elle a la forme nom@exemple.fr.' }),
    )
    .transform((email) => email.toLowerCase()),
  callbackUrl: z.unknown().optional().transform(safeCallbackUrl),
})
export type SignInInput = z.input<typeof signInSchema>

import { z } from 'zod'
import '@/lib/validation/french-messages'
import { safeRedirectPath } from './safe-redirect'

// One schema per code form, shared by the form and its action.

/** Six digits from the authenticator app (spaces forgiven). */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Saisissez les 6 chiffres affichés par votre application.')),
})

/** The code at sign-in or to turn two-factor off: six digits, or a recovery code (xxxxx-xxxxx). */
export const secondFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Saisissez le code de votre application ou un code de secours.')
    .max(32, 'Ce code est trop long.'),
  callbackUrl: z
    .unknown()
    .optional()
    .transform((v) => safeRedirectPath(v)),
})
export type SecondFactorInput = z.input<typeof secondFactorSchema>

import { z } from 'zod'
import { toE164 } from './phone'
import { singleLine } from './text'

/** A phone number field (French or international), stored as E.164 ("+33612345678"). */
export const phoneField = (label: string) =>
  singleLine(label, 30, `${label} : numéro trop long.`)
    .min(1, `${label} : champ obligatoire.`)
    .transform((value, ctx) => {
      const e164 = toE164(value)
      if (!e164) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} : numéro invalide (ex. 06 12 34 56 78 ou +32 470 12 34 56).`,
        })
        return z.NEVER
      }
      return e164
    })

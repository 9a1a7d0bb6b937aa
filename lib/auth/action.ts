import type { z } from 'zod'
import { AuthorizationError, UserFacingError, type FieldErrors } from '@/lib/errors'

export { UserFacingError, type FieldErrors }

export type ActionResult<T = undefined> = ({ ok: true } & (T extends undefined ? object : { data: T })) | { ok: false; fieldErrors: FieldErrors; formError?: string }

/** Flattens zod issues into one French message list per field path ("recommenders.0.email"). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

/**
 * The one wrapper every server action goes through: parse with the form's zod schema,
 * run the handler (which authorizes first), and map known errors to French messages.
 */
export function validatedAction<S extends z.ZodType, T = undefined>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(input instanceof FormData ? Object.fromEntries(input) : input)
    if (!parsed.success) {
      return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), formError: 'Certains champs sont à corriger.' }
    }
    try {
      const data = await handler(parsed.data)
      return (data === undefined ? { ok: true } : { ok: true, data }) as ActionResult<T>
    } catch (error) {
      if (error instanceof AuthorizationError) return { ok: false, fieldErrors: {}, formError: error.message }
      if (error instanceof UserFacingError) return { ok: false, fieldErrors: error.fieldErrors, formError: error.message }
      throw error
    }
  }
}

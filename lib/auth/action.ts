import type { z } from 'zod'
import '@/lib/validation/french-messages'
import { AuthorizationError, UserFacingError, type FieldErrors } from '@/lib/errors'

export { UserFacingError, type FieldErrors }

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? object : { data: T }))
  | { ok: false; fieldErrors: FieldErrors; formError?: string }

/** Flattens zod issues into one French message list per field path ("recommenders.0.email"). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

/** Runs an action body and turns known failures into French results; anything else is a bug and rethrows. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await body()
    return (data === undefined ? { ok: true } : { ok: true, data }) as ActionResult<T>
  } catch (error) {
    if (error instanceof AuthorizationError)
      return { ok: false, fieldErrors: {}, formError: error.message }
    if (error instanceof UserFacingError)
      return { ok: false, fieldErrors: error.fieldErrors, formError: error.message }
    throw error
  }
}

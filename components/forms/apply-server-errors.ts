import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import type { FieldErrors } from '@/lib/errors'

/** Shows a server action's field errors next to their fields and focuses the first one. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: FieldErrors, formError?: string) {
  let first = true
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!messages?.[0] || field === '_form') continue
    setError(field as Path<T>, { type: 'server', message: messages[0] }, { shouldFocus: first })
    first = false
  }
  if (formError) setError('root' as Path<T>, { type: 'server', message: formError })
}

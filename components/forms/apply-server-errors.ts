import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import type { FieldErrors } from '@/lib/errors'

/**
 * Shows a server action's field errors next to their fields (every message of a field
 * reaches the error summary through `types`) and focuses the first one, unless an error
 * summary takes the focus instead (`focus: false`).
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: FieldErrors,
  formError?: string,
  options: { focus?: boolean } = {},
) {
  let first = options.focus ?? true
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!messages?.[0] || field === '_form') continue
    const types =
      messages.length > 1
        ? Object.fromEntries(messages.map((message, index) => [`server-${index}`, message]))
        : undefined
    setError(
      field as Path<T>,
      { type: 'server', message: messages[0], ...(types ? { types } : {}) },
      { shouldFocus: first },
    )
    first = false
  }
  if (formError) setError('root' as Path<T>, { type: 'server', message: formError })
}

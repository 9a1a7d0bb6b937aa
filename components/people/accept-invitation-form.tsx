'use client'

import { useActionState } from 'react'
import type { AcceptState } from '@/app/(public)/invitation/[token]/actions'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-field'

/** The accept button of an invitation page: a plain form, so it works before JavaScript loads. */
export function AcceptInvitationForm({
  action,
  label,
}: {
  action: (state: AcceptState, formData: FormData) => Promise<AcceptState>
  label: string
}) {
  const [state, formAction, pending] = useActionState(action, {})
  return (
    <form action={formAction} className="space-y-3">
      <FormError message={state.error} />
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {label}
      </Button>
    </form>
  )
}

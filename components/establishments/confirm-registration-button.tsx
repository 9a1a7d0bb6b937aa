'use client'

import { useState, useTransition } from 'react'
import { confirmRegistrationAction } from '@/app/(public)/inscription-etablissement/actions'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-field'

export function ConfirmRegistrationButton({ token }: { token: string }) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<{ done: boolean; error?: string }>({ done: false })
  if (state.done)
    return (
      <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3">
        <p className="font-semibold">Adresse confirmée, merci.</p>
        <p>
          Votre demande attend maintenant la validation de l’équipe de la plateforme, qui vous
          écrira à cette adresse.
        </p>
      </div>
    )
  return (
    <div className="space-y-3">
      <FormError message={state.error} />
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await confirmRegistrationAction(token, {})
            setState(result.ok ? { done: true } : { done: false, error: result.formError })
          })
        }
      >
        Confirmer l’inscription
      </Button>
    </div>
  )
}

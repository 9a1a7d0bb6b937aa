'use client'

import { useId, useState, useTransition } from 'react'
import {
  approveRegistrationAction,
  rejectRegistrationAction,
} from '@/app/(plateforme)/plateforme/actions'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/components/ui/toast'

/** Approve a registration, or reject it with a reason the registrant will read. */
export function RegistrationDecision({
  registrationId,
  name,
}: {
  registrationId: string
  name: string
}) {
  const id = useId()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<{ form?: string; reason?: string }>({})
  const [pending, startTransition] = useTransition()

  const approve = () =>
    startTransition(async () => {
      const result = await approveRegistrationAction({ registrationId })
      if (!result.ok) return setError({ form: result.formError })
      toast.success(`${name} : inscription validée, le chef d’établissement est prévenu.`)
    })
  const reject = () =>
    startTransition(async () => {
      const result = await rejectRegistrationAction({ registrationId, reason })
      if (!result.ok)
        return setError({ form: result.formError, reason: result.fieldErrors.reason?.[0] })
      toast.success(`${name} : inscription refusée, le motif a été envoyé.`)
    })

  return (
    <div className="space-y-3">
      <FormError message={error.form} />
      {rejecting ? (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault()
            reject()
          }}
        >
          <FormField
            id={`${id}-reason`}
            label="Motif du refus"
            hint="Envoyé tel quel au demandeur."
            error={error.reason}
            required
          >
            <Textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="danger" pending={pending}>
              Refuser l’inscription<span className="sr-only"> de {name}</span>
            </Button>
            <Button type="button" variant="secondary" onClick={() => setRejecting(false)}>
              Annuler
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button pending={pending} onClick={approve}>
            Valider l’inscription<span className="sr-only"> de {name}</span>
          </Button>
          <Button variant="secondary" onClick={() => setRejecting(true)}>
            Refuser…<span className="sr-only"> l’inscription de {name}</span>
          </Button>
        </div>
      )}
    </div>
  )
}

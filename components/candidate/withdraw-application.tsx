'use client'

import { useState, useTransition } from 'react'
import { withdrawApplicationAction } from '@/app/(candidat)/espace/candidatures/[id]/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/form-field'
import { toast } from '@/components/ui/toast'

/** Withdraw an application, after saying plainly that it cannot be undone. */
export function WithdrawApplication({
  applicationId,
  programmeName,
  label = 'Retirer ma candidature',
}: {
  applicationId: string
  programmeName: string
  label?: string
}) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const confirm = () =>
    startTransition(async () => {
      const result = await withdrawApplicationAction({ applicationId })
      if (!result.ok) return setError(result.formError)
      setOpen(false)
      toast.success('Candidature retirée.')
    })
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`${label} en ${programmeName} ?`}>
        <p>
          C’est définitif : votre candidature sera close et vous ne pourrez pas la déposer à nouveau
          pour cette campagne. Une place qui vous était proposée ira au candidat suivant.
        </p>
        <FormError message={error} />
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="danger" pending={pending} onClick={confirm}>
            Oui, retirer
          </Button>
          <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </div>
      </Dialog>
    </>
  )
}

'use client'

import { useState, useTransition } from 'react'
import { confirmPlaceAction } from '@/app/(candidat)/espace/candidatures/[id]/actions'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-field'
import { toast } from '@/components/ui/toast'
import { WithdrawApplication } from './withdraw-application'

/** An admitted candidate's answer: keep the place, or give it up (it goes to the next on the list). */
export function PlaceAnswer({
  applicationId,
  programmeName,
}: {
  applicationId: string
  programmeName: string
}) {
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await confirmPlaceAction({ applicationId })
              if (!result.ok) return setError(result.formError)
              toast.success('Votre place est confirmée.')
            })
          }
        >
          Je confirme ma place
        </Button>
        <WithdrawApplication
          applicationId={applicationId}
          programmeName={programmeName}
          label="Je renonce à cette place"
        />
      </div>
    </div>
  )
}

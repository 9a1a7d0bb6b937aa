'use client'

import { useTransition } from 'react'
import { liftInvitationLimitsAction } from '@/app/(equipe)/equipe/candidatures/[id]/actions'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'

/** Staff give a candidate who hit the invitation limits a fresh allowance. */
export function LiftInvitationLimits({ applicationId }: { applicationId: string }) {
  const [pending, startTransition] = useTransition()
  const lift = () =>
    startTransition(async () => {
      const result = await liftInvitationLimitsAction({ applicationId })
      if (result.ok)
        toast.success('Limite levée : le candidat peut de nouveau solliciter ses recommandants.')
      else toast.error(result.formError ?? 'Action impossible.')
    })
  return (
    <Button type="button" variant="secondary" size="sm" onClick={lift} pending={pending}>
      Lever la limite
    </Button>
  )
}

'use client'

import { useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import { requeueAllFailedAction, requeueEmailAction } from './actions'

const requeued = (count: number) =>
  count === 0
    ? 'Aucun courriel à relancer.'
    : count === 1
      ? 'Courriel remis dans la file d’envoi.'
      : `${count} courriels remis dans la file d’envoi.`

export function RequeueEmailButton({ emailId, recipient }: { emailId: string; recipient: string }) {
  const [pending, startTransition] = useTransition()
  const requeue = () =>
    startTransition(async () => {
      const result = await requeueEmailAction({ emailId })
      if (result.ok) toast.success(requeued(result.data.count))
      else toast.error(result.formError ?? 'Relance impossible.')
    })
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      onClick={requeue}
      pending={pending}
      aria-label={`Renvoyer le courriel à ${recipient}`}
    >
      Renvoyer
    </Button>
  )
}

export function RequeueAllButton({ count }: { count: number }) {
  const [pending, startTransition] = useTransition()
  const requeue = () =>
    startTransition(async () => {
      const result = await requeueAllFailedAction({})
      if (result.ok) toast.success(requeued(result.data.count))
      else toast.error(result.formError ?? 'Relance impossible.')
    })
  return (
    <Button type="button" onClick={requeue} pending={pending}>
      Renvoyer les {count} courriels en échec
    </Button>
  )
}

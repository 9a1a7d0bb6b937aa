'use client'

import { useTransition } from 'react'
import { inviteClassAction } from '@/app/(equipe)/equipe/classes/actions'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'

/** "Inviter les élèves de la classe": those with an address, no account and no invitation pending. */
export function InviteClassButton({
  classId,
  className,
  invitable,
}: {
  classId: string
  className: string
  invitable: number
}) {
  const [pending, startTransition] = useTransition()
  if (invitable === 0) return null
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      pending={pending}
      aria-label={`Inviter les élèves de la classe ${className} (${invitable})`}
      onClick={() =>
        startTransition(async () => {
          const result = await inviteClassAction({ classId })
          if (!result.ok) {
            toast.error(result.formError ?? 'Les invitations n’ont pas pu être envoyées.')
            return
          }
          const n = result.data.invited
          toast.success(
            n === 0
              ? 'Tous les élèves ayant une adresse ont déjà un compte ou une invitation en cours.'
              : `${n} invitation${n > 1 ? 's' : ''} envoyée${n > 1 ? 's' : ''}.`,
          )
        })
      }
    >
      Inviter les élèves de la classe ({invitable})
    </Button>
  )
}

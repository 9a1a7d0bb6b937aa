'use client'

import { useId, useState, useTransition } from 'react'
import { confirmImportAction } from '@/app/(equipe)/equipe/eleves/import/actions'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { FormError } from '@/components/ui/form-field'
import { toast } from '@/components/ui/toast'

/** Applies the previewed import, all rows together; optionally invites the students. */
export function ImportConfirmForm({ importId, count }: { importId: string; count: number }) {
  const uid = useId()
  const [sendInvitations, setSendInvitations] = useState(false)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  return (
    <form
      className="space-y-4"
      aria-label="Confirmer l’import"
      onSubmit={(event) => {
        event.preventDefault()
        startTransition(async () => {
          setError(undefined)
          const result = await confirmImportAction({ importId, sendInvitations })
          if (!result.ok) return setError(result.formError ?? 'L’import n’a pas abouti.')
          toast.success('Import terminé.')
        })
      }}
    >
      <FormError message={error} />
      <Checkbox
        id={`${uid}-invite`}
        label="Envoyer leur invitation aux élèves qui ont une adresse e-mail (sauf ceux qui ont déjà un compte ou une invitation en cours)"
        checked={sendInvitations}
        onChange={(event) => setSendInvitations(event.target.checked)}
      />
      <Button type="submit" pending={pending} disabled={count === 0}>
        Importer {count} élève{count > 1 ? 's' : ''}
      </Button>
    </form>
  )
}

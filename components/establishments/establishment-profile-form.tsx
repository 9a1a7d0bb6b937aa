'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateEstablishmentProfileAction } from '@/app/(equipe)/equipe/etablissement/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import {
  establishmentProfileSchema,
  type EstablishmentProfileInput,
} from '@/lib/establishments/schemas'
import { EstablishmentFields } from './establishment-fields'

/** The head's (or an admin's) edit of where the establishment is and who writes from it. */
export function EstablishmentProfileForm({
  defaultValues,
}: {
  defaultValues: EstablishmentProfileInput
}) {
  const form = useForm<EstablishmentProfileInput>({
    // The action parses what was typed (raw), with the same schema: its output (domains as a list) is not its input.
    resolver: zodResolver(establishmentProfileSchema, undefined, { raw: true }) as never,
    defaultValues,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await updateEstablishmentProfileAction(values)
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success('Coordonnées de l’établissement enregistrées.')
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary {...errorSummary.summary} />
      <EstablishmentFields form={form} />
      <Button type="submit" pending={pending}>
        Enregistrer
      </Button>
    </form>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateEstablishmentSettingsAction } from '@/app/(equipe)/equipe/campagnes/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import {
  establishmentSettingsSchema,
  type EstablishmentSettingsInput,
} from '@/lib/establishments/schemas'

export function EstablishmentSettingsForm({
  defaultValues,
}: {
  defaultValues: EstablishmentSettingsInput
}) {
  const form = useForm<EstablishmentSettingsInput>({
    resolver: zodResolver(establishmentSettingsSchema) as never,
    defaultValues,
  })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await updateEstablishmentSettingsAction(values)
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success('Réglage enregistré.')
    }),
  )
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
      <FormError message={errors.root?.message} />
      <FormField
        id="maxApplicationsPerCandidate"
        label="Candidatures déposées par candidat, au plus"
        hint="Toutes formations de l’établissement confondues ; les brouillons ne comptent pas."
        error={errors.maxApplicationsPerCandidate?.message}
        required
      >
        <Input
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          className="w-28"
          {...form.register('maxApplicationsPerCandidate')}
        />
      </FormField>
      <Button type="submit" variant="secondary" pending={pending}>
        Enregistrer
      </Button>
    </form>
  )
}

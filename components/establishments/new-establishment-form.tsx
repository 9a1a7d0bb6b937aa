'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { createEstablishmentAction } from '@/app/(plateforme)/plateforme/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { establishmentKindLabels, establishmentKindValues } from '@/lib/establishments/kinds'
import { newEstablishmentSchema, type NewEstablishmentInput } from '@/lib/establishments/schemas'
import { EstablishmentFields } from './establishment-fields'

const empty: NewEstablishmentInput = {
  name: '',
  uai: '',
  kind: '' as NewEstablishmentInput['kind'],
  address: '',
  postcode: '',
  city: '',
  latitude: '',
  longitude: '',
  emailDomains: '',
  headEmail: '',
}

/** A platform operator creates an establishment and may invite its first head. */
export function NewEstablishmentForm() {
  const form = useForm<NewEstablishmentInput>({
    // The action parses what was typed (raw), with the same schema: its output (domains as a list) is not its input.
    resolver: zodResolver(newEstablishmentSchema, undefined, { raw: true }) as never,
    defaultValues: empty,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await createEstablishmentAction(values)
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success(
          result.data.invited
            ? `${values.name} : établissement créé, invitation envoyée au chef d’établissement.`
            : `${values.name} : établissement créé.`,
        )
        form.reset(empty)
      }),
    errorSummary.failed,
  )
  return (
    <Card>
      <form onSubmit={submit} noValidate className="space-y-4">
        <ErrorSummary {...errorSummary.summary} />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="uai"
            label="Code UAI"
            hint="7 chiffres et la lettre de contrôle."
            error={errors.uai?.message}
            required
          >
            <Input className="w-40 uppercase" maxLength={10} {...form.register('uai')} />
          </FormField>
          <FormField id="kind" label="Type d’établissement" error={errors.kind?.message} required>
            <Select {...form.register('kind')}>
              <option value="">Choisissez</option>
              {establishmentKindValues.map((kind) => (
                <option key={kind} value={kind}>
                  {establishmentKindLabels[kind]}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <EstablishmentFields form={form} />
        <FormField
          id="headEmail"
          label="Adresse du chef d’établissement"
          hint="Facultative : il reçoit une invitation (valable 14 jours) qui le fait chef d’établissement."
          error={errors.headEmail?.message}
        >
          <Input type="email" autoComplete="off" {...form.register('headEmail')} />
        </FormField>
        <Button type="submit" pending={pending}>
          Créer l’établissement
        </Button>
      </form>
    </Card>
  )
}

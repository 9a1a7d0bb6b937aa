'use client'

import { useRouter } from 'next/navigation'
import { useMemo, useState, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import {
  confirmConsentAction,
  withdrawConsentByLinkAction,
} from '@/app/(public)/consentement/[token]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { Dialog } from '@/components/ui/dialog'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { RadioGroup } from '@/components/ui/radio-group'
import { lazySchemaResolver } from '@/components/forms/lazy-schema-resolver'
import type { ConsentConfirmationInput } from '@/lib/school/consent-schemas'
import { relationshipLabels, relationships } from '@/lib/school/consent-words'

/** The representative's answer: who they are, their relationship, and the ticked statement. */
export function ConsentConfirmForm({
  token,
  statement,
  defaultName,
}: {
  token: string
  statement: string
  defaultName: string | null
}) {
  const router = useRouter()
  // The schema the action parses with, fetched on the first focus (zod stays out of the first
  // load of a page parents open on their phones).
  const schema = useMemo(
    () =>
      lazySchemaResolver<ConsentConfirmationInput>(() =>
        import('@/lib/school/consent-schemas').then((m) => m.consentConfirmationSchema),
      ),
    [],
  )
  const form = useForm<ConsentConfirmationInput>({
    resolver: schema.resolver as never,
    defaultValues: { guardianName: defaultName ?? '', accepted: false as never },
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await confirmConsentAction(token, values)
        if (!result.ok) return errorSummary.serverFailed(result)
        router.refresh()
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} onFocus={schema.preload} noValidate className="space-y-5">
      <ErrorSummary {...errorSummary.summary} />
      <FormField
        id="guardianName"
        label="Votre nom et prénom"
        error={errors.guardianName?.message}
        required
      >
        <Input autoComplete="name" {...form.register('guardianName')} />
      </FormField>
      <RadioGroup
        name="relationship"
        legend="Votre lien avec l’élève"
        required
        error={errors.relationship?.message}
        options={relationships.map((value) => ({ value, label: relationshipLabels[value] }))}
        inputProps={() => form.register('relationship')}
      />
      <Checkbox
        id="accepted"
        label={statement}
        error={errors.accepted?.message}
        {...form.register('accepted')}
      />
      <Button type="submit" pending={pending}>
        Donner mon autorisation
      </Button>
    </form>
  )
}

/** "Retirer mon autorisation", after a confirmation: the pupil loses access at once. */
export function WithdrawByLinkButton({
  token,
  studentName,
}: {
  token: string
  studentName: string
}) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const withdraw = () =>
    startTransition(async () => {
      const result = await withdrawConsentByLinkAction(token, {})
      if (!result.ok) return setError(result.formError)
      setOpen(false)
      router.refresh()
    })
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Retirer mon autorisation
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Retirer votre autorisation ?">
        <p>
          {studentName} ne pourra plus utiliser les services élèves de Tremplin. Pour les rouvrir,
          il faudra une nouvelle autorisation.
        </p>
        <FormError message={error} />
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="danger" pending={pending} onClick={withdraw}>
            Retirer mon autorisation
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </div>
      </Dialog>
    </>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { replaceRecommenderAction, resendInvitationAction } from '@/app/(candidat)/espace/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import { recommenderSchema } from '@/lib/admissions/schemas'

export function ResendButton({
  requestId,
  disabledReason,
}: {
  requestId: string
  disabledReason?: string
}) {
  const [pending, startTransition] = useTransition()
  const resend = () =>
    startTransition(async () => {
      const result = await resendInvitationAction({ requestId })
      if (result.ok) toast.success('Nouvelle demande envoyée.')
      else toast.error(result.formError ?? 'Relance impossible.')
    })
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      onClick={resend}
      pending={pending}
      disabled={Boolean(disabledReason)}
      title={disabledReason}
    >
      Relancer
    </Button>
  )
}

type Values = z.input<typeof recommenderSchema>

export function ReplaceRecommender({
  requestId,
  currentName,
}: {
  requestId: string
  currentName: string
}) {
  const [open, setOpen] = useState(false)
  const [pending, startTransition] = useTransition()
  const form = useForm<Values>({
    resolver: zodResolver(recommenderSchema),
    defaultValues: { name: '', position: '', email: '' },
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await replaceRecommenderAction({ ...values, requestId })
        if (!result.ok) {
          errorSummary.serverFailed(result)
          return
        }
        setOpen(false)
        form.reset()
        toast.success('Nouveau recommandant sollicité.')
      }),
    errorSummary.failed,
  )
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Remplacer
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Remplacer ${currentName}`}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <p className="text-sm text-slate-600">
            Le lien envoyé à {currentName} cessera de fonctionner ; la nouvelle personne reçoit
            aussitôt sa demande.
          </p>
          <ErrorSummary
            {...errorSummary.summary}
            targets={(name) => `replace-${requestId}-${name}`}
          />
          <FormField
            id={`replace-${requestId}-name`}
            label="Nom et prénom"
            error={errors.name?.message}
            required
          >
            <Input {...form.register('name')} />
          </FormField>
          <FormField
            id={`replace-${requestId}-position`}
            label="Poste"
            error={errors.position?.message}
            required
          >
            <Input {...form.register('position')} />
          </FormField>
          <FormField
            id={`replace-${requestId}-email`}
            label="Adresse e-mail"
            error={errors.email?.message}
            required
          >
            <Input type="email" inputMode="email" {...form.register('email')} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Annuler
            </Button>
            <Button type="submit" pending={pending}>
              Envoyer la demande
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { reviewDocumentAction } from '@/app/(equipe)/equipe/candidatures/[id]/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import { documentVerdictSchema, type DocumentVerdictInput } from '@/lib/admissions/review-schemas'

/** Validate a document in one click, or refuse it with a reason the candidate will read. */
export function DocumentVerdict({
  applicationId,
  documentId,
  documentName,
  current = 'pending',
}: {
  applicationId: string
  documentId: string
  documentName: string
  current?: 'pending' | 'valid' | 'refused'
}) {
  const [refusing, setRefusing] = useState(false)
  const [pending, startTransition] = useTransition()
  const form = useForm<DocumentVerdictInput>({
    resolver: zodResolver(documentVerdictSchema) as never,
    defaultValues: { documentId, verdict: 'refused', reason: '' },
  })
  const { errors } = form.formState

  const validate = () =>
    startTransition(async () => {
      const result = await reviewDocumentAction({ applicationId, documentId, verdict: 'valid' })
      if (!result.ok) toast.error(result.formError ?? 'Action impossible.')
      else toast.success(`« ${documentName} » validée.`)
    })
  const refuse = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await reviewDocumentAction({ ...values, applicationId, verdict: 'refused' })
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success(`« ${documentName} » refusée : le candidat est prévenu par e-mail.`)
      setRefusing(false)
    }),
  )

  if (refusing) {
    return (
      <form onSubmit={refuse} noValidate className="w-full space-y-2">
        <FormError message={errors.root?.message} />
        <FormField
          id={`reason-${documentId}`}
          label={`Motif du refus de « ${documentName} »`}
          error={errors.reason?.message}
          required
        >
          <Input {...form.register('reason')} autoFocus />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit" size="sm" variant="danger" pending={pending}>
            Refuser la pièce
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setRefusing(false)}>
            Annuler
          </Button>
        </div>
      </form>
    )
  }
  return (
    <div className="flex gap-2">
      {current !== 'valid' ? (
        <Button
          type="button"
          size="sm"
          variant={current === 'pending' ? 'secondary' : 'ghost'}
          pending={pending}
          onClick={validate}
          aria-label={`${current === 'pending' ? 'Valider' : 'Valider finalement'} « ${documentName} »`}
        >
          {current === 'pending' ? 'Valider' : 'Valider finalement'}
        </Button>
      ) : null}
      {current !== 'refused' ? (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => setRefusing(true)}
          aria-label={`${current === 'pending' ? 'Refuser' : 'Refuser finalement'} « ${documentName} »`}
        >
          {current === 'pending' ? 'Refuser…' : 'Refuser finalement…'}
        </Button>
      ) : null}
    </div>
  )
}

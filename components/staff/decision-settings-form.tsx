'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateDecisionSettingsAction } from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/components/ui/toast'
import { decisionPlaceholders } from '@/lib/admissions/decision-letter'
import { decisionSettingsSchema, type DecisionSettingsInput } from '@/lib/admissions/review-schemas'

export function DecisionSettingsForm({
  campaignId,
  defaultValues,
}: {
  campaignId: string
  defaultValues: DecisionSettingsInput
}) {
  const form = useForm<DecisionSettingsInput>({
    resolver: zodResolver(decisionSettingsSchema) as never,
    defaultValues,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await updateDecisionSettingsAction({ ...values, campaignId })
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success('Réglages des décisions enregistrés ; l’aperçu est à jour.')
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary
        {...errorSummary.summary}
        targets={{
          responseDays: 'response-days',
          responseDeadlineOn: 'response-deadline',
          decisionEmailSubject: 'decision-subject',
          decisionEmailBody: 'decision-body',
        }}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          id="response-days"
          label="Délai de réponse (jours)"
          hint="Après la décision ou la promotion depuis la liste d’attente."
          error={errors.responseDays?.message}
          required
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            {...form.register('responseDays')}
          />
        </FormField>
        <FormField
          id="response-deadline"
          label="Ou date limite de réponse (facultatif)"
          hint="Utilisée tant qu’elle n’est pas passée."
          error={errors.responseDeadlineOn?.message}
        >
          <Input type="date" {...form.register('responseDeadlineOn')} />
        </FormField>
      </div>
      <FormField
        id="decision-subject"
        label="Objet de l’e-mail de décision"
        error={errors.decisionEmailSubject?.message}
        required
      >
        <Input {...form.register('decisionEmailSubject')} />
      </FormField>
      <FormField
        id="decision-body"
        label="Message"
        hint={`Champs remplacés : ${decisionPlaceholders.join(' ')}. {details} donne, selon la décision, la date de réponse, le rang sur liste d’attente ou le motif.`}
        error={errors.decisionEmailBody?.message}
        required
      >
        <Textarea rows={12} {...form.register('decisionEmailBody')} />
      </FormField>
      <Button type="submit" pending={pending}>
        Enregistrer les réglages des décisions
      </Button>
    </form>
  )
}

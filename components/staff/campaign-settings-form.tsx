'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateCampaignSettingsAction } from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import {
  campaignSettingsSchema,
  type CampaignSettingsInput,
} from '@/lib/admissions/campaign-schemas'
import { CampaignFields } from './campaign-fields'

export function CampaignSettingsForm({
  campaignId,
  defaultValues,
}: {
  campaignId: string
  defaultValues: CampaignSettingsInput
}) {
  const form = useForm<CampaignSettingsInput>({
    resolver: zodResolver(campaignSettingsSchema) as never,
    defaultValues,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await updateCampaignSettingsAction({ ...values, campaignId })
        if (!result.ok) errorSummary.serverFailed(result)
        else toast.success('Paramètres enregistrés.')
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary {...errorSummary.summary} />
      <CampaignFields
        register={form.register}
        errors={errors}
        recommendersHint="De 0 à 5. S’applique aux candidatures déposées après la modification."
      />
      <Button type="submit" pending={pending}>
        Enregistrer
      </Button>
    </form>
  )
}

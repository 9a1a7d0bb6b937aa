'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateCampaignSettingsAction } from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-field'
import { toast } from '@/components/ui/toast'
import { campaignSettingsSchema, type CampaignSettingsInput } from '@/lib/admissions/campaign-schemas'
import { CampaignFields } from './campaign-fields'

export function CampaignSettingsForm({ campaignId, defaultValues }: { campaignId: string; defaultValues: CampaignSettingsInput }) {
  const form = useForm<CampaignSettingsInput>({ resolver: zodResolver(campaignSettingsSchema) as never, defaultValues })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await updateCampaignSettingsAction({ ...values, campaignId })
      if (!result.ok) applyServerErrors(form.setError, result.fieldErrors, result.formError)
      else toast.success('Paramètres enregistrés.')
    }),
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <CampaignFields register={form.register} errors={errors} recommendersHint="De 0 à 5. S’applique aux candidatures déposées après la modification." />
      <Button type="submit" pending={pending}>
        Enregistrer
      </Button>
    </form>
  )
}

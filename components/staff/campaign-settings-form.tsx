'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateCampaignSettingsAction } from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/components/ui/toast'
import { campaignSettingsSchema, type CampaignSettingsInput } from '@/lib/admissions/campaign-schemas'

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
      <FormField id="name" label="Nom de la campagne" error={errors.name?.message} required>
        <Input {...form.register('name')} />
      </FormField>
      <FormField id="description" label="Présentation (catalogue)" error={errors.description?.message}>
        <Textarea rows={3} {...form.register('description')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="opensOn" label="Ouverture" error={errors.opensOn?.message} required>
          <Input type="date" {...form.register('opensOn')} />
        </FormField>
        <FormField id="closesOn" label="Clôture (23 h 59)" error={errors.closesOn?.message} required>
          <Input type="date" {...form.register('closesOn')} />
        </FormField>
        <FormField id="recommendationDeadlineOn" label="Date limite des recommandations" error={errors.recommendationDeadlineOn?.message} required>
          <Input type="date" {...form.register('recommendationDeadlineOn')} />
        </FormField>
      </div>
      <FormField id="requiredRecommendations" label="Nombre de recommandants demandés" hint="De 0 à 5. S’applique aux candidatures déposées après la modification." error={errors.requiredRecommendations?.message} required>
        <Input type="number" min={0} max={5} inputMode="numeric" className="w-28" {...form.register('requiredRecommendations')} />
      </FormField>
      <Button type="submit" pending={pending}>
        Enregistrer
      </Button>
    </form>
  )
}

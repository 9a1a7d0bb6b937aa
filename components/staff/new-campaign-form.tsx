'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { createCampaignAction } from '@/app/(equipe)/equipe/campagnes/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/components/ui/toast'
import { newCampaignSchema, type NewCampaignInput } from '@/lib/admissions/campaign-schemas'
import { ProgrammeFields } from './programme-fields'

type Option = { id: string; label: string }

export function NewCampaignForm({ programmes, campaigns, departments, defaultValues }: { programmes: Option[]; campaigns: Option[]; departments: string[]; defaultValues: NewCampaignInput }) {
  const form = useForm<NewCampaignInput>({ resolver: zodResolver(newCampaignSchema) as never, defaultValues })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const router = useRouter()
  const isNew = useWatch({ control: form.control, name: 'programmeId' }) === 'new'
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createCampaignAction(values)
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success('Campagne créée : complétez les pièces demandées et la grille d’examen.')
      router.push(`/equipe/campagnes/${result.data.campaignId}`)
    }),
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <FormError message={errors.root?.message} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Formation</legend>
        <FormField id="programmeId" label="Formation" error={errors.programmeId?.message} required>
          <Select {...form.register('programmeId')}>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value="new">Nouvelle formation…</option>
          </Select>
        </FormField>
        {isNew ? <ProgrammeFields register={form.register} errors={errors} departments={departments} idPrefix="new" /> : null}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Campagne</legend>
        <FormField id="name" label="Nom de la campagne" hint="Par exemple « Recrutement 2027 »." error={errors.name?.message} required>
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
        <FormField id="requiredRecommendations" label="Nombre de recommandants demandés" hint="De 0 à 5." error={errors.requiredRecommendations?.message} required>
          <Input type="number" min={0} max={5} inputMode="numeric" className="w-28" {...form.register('requiredRecommendations')} />
        </FormField>
        <FormField
          id="copyFromCampaignId"
          label="Reprendre les réglages de"
          hint="Pièces demandées, questionnaire de recommandation, grille d’examen et e-mail de décision d’une campagne précédente. Sinon, le questionnaire et la grille par défaut."
          error={errors.copyFromCampaignId?.message}
        >
          <Select {...form.register('copyFromCampaignId')}>
            <option value="">Aucune (réglages par défaut)</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </FormField>
      </fieldset>
      <Button type="submit" pending={pending}>
        Créer la campagne
      </Button>
    </form>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { createCampaignAction } from '@/app/(equipe)/equipe/campagnes/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { newCampaignSchema, type NewCampaignInput } from '@/lib/admissions/campaign-schemas'
import { CampaignFields } from './campaign-fields'
import { ProgrammeFields } from '@/components/establishments/programme-fields'

type Option = { id: string; label: string }

export function NewCampaignForm({
  programmes,
  campaigns,
  departments,
  defaultValues,
}: {
  programmes: Option[]
  campaigns: Option[]
  departments: string[]
  defaultValues: NewCampaignInput
}) {
  const form = useForm<NewCampaignInput>({
    resolver: zodResolver(newCampaignSchema) as never,
    defaultValues,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const router = useRouter()
  const isNew = useWatch({ control: form.control, name: 'programmeId' }) === 'new'
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await createCampaignAction(values)
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success('Campagne créée : complétez les pièces demandées et la grille d’examen.')
        router.push(`/equipe/campagnes/${result.data.campaignId}`)
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <ErrorSummary
        {...errorSummary.summary}
        targets={(name) =>
          name.startsWith('programme') || name === 'departmentName' ? `new-${name}` : undefined
        }
      />
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
        {isNew ? (
          <ProgrammeFields
            register={form.register}
            errors={errors}
            departments={departments}
            idPrefix="new"
          />
        ) : null}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Campagne</legend>
        <CampaignFields
          register={form.register}
          errors={errors}
          nameHint="Par exemple « Recrutement 2027 »."
          recommendersHint="De 0 à 5."
        />
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

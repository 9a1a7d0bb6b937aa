'use client'

import type { FieldErrors, UseFormRegister } from 'react-hook-form'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import type { CampaignSettingsInput } from '@/lib/admissions/campaign-schemas'

/** A campaign's name, presentation, calendar and number of recommenders (new campaign and settings alike). */
export function CampaignFields<T extends CampaignSettingsInput>({
  register,
  errors,
  nameHint,
  recommendersHint,
}: {
  register: UseFormRegister<T>
  errors: FieldErrors<T>
  nameHint?: string
  recommendersHint: string
}) {
  const reg = register as unknown as UseFormRegister<CampaignSettingsInput>
  const err = errors as FieldErrors<CampaignSettingsInput>
  return (
    <>
      <FormField
        id="name"
        label="Nom de la campagne"
        hint={nameHint}
        error={err.name?.message}
        required
      >
        <Input {...reg('name')} />
      </FormField>
      <FormField id="description" label="Présentation (catalogue)" error={err.description?.message}>
        <Textarea rows={3} {...reg('description')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="opensOn" label="Ouverture" error={err.opensOn?.message} required>
          <Input type="date" {...reg('opensOn')} />
        </FormField>
        <FormField id="closesOn" label="Clôture (23 h 59)" error={err.closesOn?.message} required>
          <Input type="date" {...reg('closesOn')} />
        </FormField>
        <FormField
          id="recommendationDeadlineOn"
          label="Date limite des recommandations"
          error={err.recommendationDeadlineOn?.message}
          required
        >
          <Input type="date" {...reg('recommendationDeadlineOn')} />
        </FormField>
      </div>
      <FormField
        id="requiredRecommendations"
        label="Nombre de recommandants demandés"
        hint={recommendersHint}
        error={err.requiredRecommendations?.message}
        required
      >
        <Input
          type="number"
          min={0}
          max={5}
          inputMode="numeric"
          className="w-28"
          {...reg('requiredRecommendations')}
        />
      </FormField>
    </>
  )
}

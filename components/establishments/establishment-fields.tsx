'use client'

import type { FieldErrors, UseFormReturn } from 'react-hook-form'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import type { EstablishmentProfileInput } from '@/lib/establishments/schemas'
import { CommuneFields } from './commune-fields'

type Profile = EstablishmentProfileInput

/** Name, address, commune, coordinates and staff email domains: the platform's form and the head's. */
export function EstablishmentFields<T extends Profile>({ form }: { form: UseFormReturn<T> }) {
  const profile = form as unknown as UseFormReturn<Profile>
  const errors = form.formState.errors as FieldErrors<Profile>
  return (
    <>
      <FormField id="name" label="Nom de l’établissement" error={errors.name?.message} required>
        <Input autoComplete="organization" {...profile.register('name')} />
      </FormField>
      <FormField
        id="address"
        label="Adresse"
        hint="Numéro et voie."
        error={errors.address?.message}
      >
        <Input autoComplete="street-address" {...profile.register('address')} />
      </FormField>
      <CommuneFields form={profile} />
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">Coordonnées géographiques</legend>
        <p className="text-sm text-slate-600">
          Facultatives : elles servent à proposer des stages près de l’établissement. En degrés
          décimaux, par exemple 43,6045 et 1,4440 (clic droit sur une carte en ligne).
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="latitude" label="Latitude" error={errors.latitude?.message}>
            <Input inputMode="decimal" {...profile.register('latitude')} />
          </FormField>
          <FormField id="longitude" label="Longitude" error={errors.longitude?.message}>
            <Input inputMode="decimal" {...profile.register('longitude')} />
          </FormField>
        </div>
      </fieldset>
      <FormField
        id="emailDomains"
        label="Domaines e-mail du personnel"
        hint="Séparés par des virgules, par exemple college-jaures.fr, ac-toulouse.fr : les invitations vers d’autres domaines sont signalées."
        error={errors.emailDomains?.message}
      >
        <Input autoCapitalize="none" spellCheck={false} {...profile.register('emailDomains')} />
      </FormField>
    </>
  )
}

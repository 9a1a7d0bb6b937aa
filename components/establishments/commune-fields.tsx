'use client'

import { useEffect, useState } from 'react'
import type { FieldErrors, UseFormReturn } from 'react-hook-form'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'

type Located = { postcode: string; city: string }
type Commune = { name: string; code: string; departement: string }

/**
 * Postcode, then the commune among those it serves (INSEE's list, from /api/communes): the
 * spelling is the official one, and the server checks the pair again.
 */
export function CommuneFields<T extends Located>({
  form,
  idPrefix = '',
}: {
  form: UseFormReturn<T>
  idPrefix?: string
}) {
  // The two fields this component owns, whatever else the form holds.
  const located = form as unknown as UseFormReturn<Located>
  const postcode = located.watch('postcode') ?? ''
  const city = located.watch('city') ?? ''
  const errors = form.formState.errors as FieldErrors<Located>
  const [found, setFound] = useState<{ postcode: string; communes: Commune[] } | null>(null)
  const [failed, setFailed] = useState(false)
  const ready = /^\d{5}$/.test(postcode.trim())

  useEffect(() => {
    if (!ready) return
    const wanted = postcode.trim()
    const controller = new AbortController()
    fetch(`/api/communes?codePostal=${wanted}`, { signal: controller.signal })
      .then((response) => response.json() as Promise<{ communes?: Commune[] }>)
      .then(({ communes = [] }) => {
        setFailed(false)
        setFound({ postcode: wanted, communes })
        const current = located.getValues('city')
        if (communes.length === 1 && current !== communes[0]!.name)
          located.setValue('city', communes[0]!.name, { shouldDirty: true })
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setFailed(true)
      })
    return () => controller.abort()
  }, [ready, postcode, located])

  const communes = ready && found?.postcode === postcode.trim() ? found.communes : []
  const options = communes.map((c) => c.name)
  if (city && !options.includes(city)) options.unshift(city)
  const hint = !ready
    ? 'Saisissez d’abord le code postal.'
    : found?.postcode === postcode.trim() && communes.length === 0
      ? 'Aucune commune ne porte ce code postal : vérifiez-le.'
      : failed
        ? 'La liste des communes n’a pas pu être chargée ; réessayez.'
        : undefined
  return (
    <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
      <FormField
        id={`${idPrefix}postcode`}
        label="Code postal"
        error={errors.postcode?.message}
        required
      >
        <Input
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={5}
          className="w-32"
          {...located.register('postcode')}
        />
      </FormField>
      <FormField
        id={`${idPrefix}city`}
        label="Commune"
        hint={hint}
        error={errors.city?.message}
        required
      >
        <Select {...located.register('city')} value={city}>
          <option value="">{options.length === 0 ? '—' : 'Choisissez la commune'}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </FormField>
    </div>
  )
}

'use client'

import { memo, useMemo, useTransition } from 'react'
import { useForm, useFormState, useWatch, type UseFormReturn } from 'react-hook-form'
import {
  saveApplicationDraftAction,
  submitApplicationAction,
} from '@/app/(public)/candidature/[campaignId]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { lazySchemaResolver } from '@/components/forms/lazy-schema-resolver'
import { autosaveLabel, useAutosave } from '@/components/forms/use-autosave'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { RadioGroup } from '@/components/ui/radio-group'
import { Select } from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'
import {
  civilities,
  diplomas,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
} from '@/lib/admissions/application-fields'
import type { ApplicationInput } from '@/lib/admissions/schemas'

type FormValues = ApplicationInput & { graduationYear: string }

function Section({
  title,
  description,
  children,
}: {
  title: string
  description?: string
  children: React.ReactNode
}) {
  return (
    <Card>
      {/* min-w-0: a fieldset otherwise grows to fit its longest word (a long e-mail address). */}
      <fieldset className="min-w-0 space-y-4">
        <legend className="text-lg font-semibold">{title}</legend>
        {description ? (
          <p className="-mt-2 text-sm [overflow-wrap:anywhere] text-slate-600">{description}</p>
        ) : null}
        {children}
      </fieldset>
    </Card>
  )
}

type ApplicationFormProps = {
  /** Shown before the submit button (the supporting documents). */
  children?: React.ReactNode
  campaignId: string
  candidateEmail: string
  requiredRecommendations: number
  recommendationDeadline: string
  defaultValues: FormValues
  lastSavedAt?: string
}

export function ApplicationForm(props: ApplicationFormProps) {
  const schema = useMemo(
    () =>
      lazySchemaResolver<FormValues>(() =>
        import('@/lib/admissions/schemas').then(({ applicationSchema }) =>
          applicationSchema(props.requiredRecommendations, props.candidateEmail),
        ),
      ),
    [props.requiredRecommendations, props.candidateEmail],
  )
  const form = useForm<FormValues>({
    resolver: schema.resolver,
    defaultValues: props.defaultValues,
    // The error summary takes the focus and links to each field.
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onBlur',
  })
  // react-hook-form renders this component a second time as it mounts (formState.isReady,
  // set in a layout effect: in the same task as the page's hydration, on a phone's CPU). The
  // fields are memoised and subscribe to what they show themselves, so that render is empty.
  return <ApplicationFields {...props} form={form} preloadSchema={schema.preload} />
}

const ApplicationFields = memo(function ApplicationFields({
  form,
  preloadSchema,
  ...props
}: ApplicationFormProps & { form: UseFormReturn<FormValues>; preloadSchema: () => void }) {
  const { register, control } = form
  const { errors } = useFormState({ control })
  const errorSummary = useErrorSummary(form)
  const [pending, startTransition] = useTransition()
  const values = useWatch({ control }) as FormValues
  const motivationLength = values.motivation?.length ?? 0

  const autosave = useAutosave(
    values,
    async (draft) => {
      const result = await saveApplicationDraftAction(props.campaignId, draft)
      return result.ok
        ? { ok: true, savedAt: 'data' in result ? result.data.savedAt : undefined }
        : { ok: false, message: result.formError }
    },
    { enabled: !pending, initialSavedAt: props.lastSavedAt },
  )

  const onSubmit = form.handleSubmit(
    (data) =>
      startTransition(async () => {
        const result = await submitApplicationAction(props.campaignId, {
          ...values,
          ...data,
          graduationYear: values.graduationYear,
        })
        if (result && !result.ok) errorSummary.serverFailed(result)
      }),
    errorSummary.failed,
  )

  const field = (name: keyof FormValues) => ({
    id: name,
    error: errors[name]?.message as string | undefined,
  })

  return (
    <form
      onSubmit={onSubmit}
      onFocus={preloadSchema}
      noValidate
      className="space-y-6"
      aria-describedby="autosave-status"
    >
      <p id="autosave-status" role="status" aria-live="polite" className="text-sm text-slate-600">
        {autosaveLabel(autosave)}
      </p>
      <ErrorSummary
        {...errorSummary.summary}
        targets={{ documents: 'pieces', recommenders: 'recommenders.0.name' }}
      />

      <Section
        title="Identité"
        description={`Votre adresse e-mail (${props.candidateEmail}) a été vérifiée à la connexion.`}
      >
        <RadioGroup
          name="civility"
          legend="Civilité"
          required
          inline
          options={civilities.map((c) => ({ value: c.value, label: c.label }))}
          error={errors.civility?.message}
          inputProps={() => register('civility')}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField {...field('firstName')} label="Prénom" required>
            <Input autoComplete="given-name" {...register('firstName')} />
          </FormField>
          <FormField {...field('lastName')} label="Nom" required>
            <Input autoComplete="family-name" {...register('lastName')} />
          </FormField>
        </div>
        <FormField {...field('birthDate')} label="Date de naissance" required>
          <Input type="date" autoComplete="bday" {...register('birthDate')} />
        </FormField>
      </Section>

      <Section title="Coordonnées">
        <FormField
          {...field('phone')}
          label="Téléphone"
          hint="Français ou international, par exemple 06 12 34 56 78."
          required
        >
          <Input type="tel" autoComplete="tel" inputMode="tel" {...register('phone')} />
        </FormField>
        <FormField {...field('addressLine')} label="Adresse" required>
          <Input autoComplete="street-address" {...register('addressLine')} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField {...field('postalCode')} label="Code postal" required>
            <Input autoComplete="postal-code" inputMode="numeric" {...register('postalCode')} />
          </FormField>
          <FormField {...field('city')} label="Ville" required>
            <Input autoComplete="address-level2" {...register('city')} />
          </FormField>
          <FormField {...field('country')} label="Pays" required>
            <Input autoComplete="country-name" {...register('country')} />
          </FormField>
        </div>
      </Section>

      <Section title="Études en cours">
        <FormField {...field('diploma')} label="Diplôme en cours" required>
          <Select {...register('diploma')}>
            <option value="">Choisissez…</option>
            {diplomas.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField {...field('currentEstablishment')} label="Établissement" required>
          <Input autoComplete="organization" {...register('currentEstablishment')} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            {...field('specialty')}
            label="Spécialité"
            hint="Par exemple : BTS Comptabilité et gestion."
            required
          >
            <Input {...register('specialty')} />
          </FormField>
          <FormField {...field('graduationYear')} label="Année d’obtention (prévue)" required>
            <Input inputMode="numeric" maxLength={4} {...register('graduationYear')} />
          </FormField>
        </div>
      </Section>

      <Section title="Motivation">
        <FormField
          {...field('motivation')}
          label="Lettre de motivation"
          hint={`Entre ${MOTIVATION_MIN} et ${MOTIVATION_MAX} caractères. ${motivationLength} saisi${motivationLength > 1 ? 's' : ''}.`}
          required
        >
          <Textarea rows={10} maxLength={MOTIVATION_MAX} {...register('motivation')} />
        </FormField>
      </Section>

      <Section
        title="Recommandations"
        description={`Désignez ${props.requiredRecommendations} personne${props.requiredRecommendations > 1 ? 's' : ''} (professeurs, responsables de formation…). Chacune recevra par e-mail un lien personnel vers le formulaire d’avis, à remplir avant le ${props.recommendationDeadline}. Vous serez prévenu(e) de chaque réponse, sans en voir le contenu.`}
      >
        {errors.recommenders?.message || errors.recommenders?.root?.message ? (
          <p className="text-sm font-medium text-red-700">
            {errors.recommenders?.message ?? errors.recommenders?.root?.message}
          </p>
        ) : null}
        {props.defaultValues.recommenders.map((_, index) => {
          const e = errors.recommenders?.[index]
          return (
            <div key={index} className="space-y-3 rounded-md border border-slate-200 p-4">
              <h3 className="font-semibold">Recommandant {index + 1}</h3>
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField
                  id={`recommenders.${index}.name`}
                  label="Nom et prénom"
                  error={e?.name?.message}
                  required
                >
                  <Input {...register(`recommenders.${index}.name`)} />
                </FormField>
                <FormField
                  id={`recommenders.${index}.position`}
                  label="Poste"
                  hint="Par exemple : professeur d’économie."
                  error={e?.position?.message}
                  required
                >
                  <Input {...register(`recommenders.${index}.position`)} />
                </FormField>
              </div>
              <FormField
                id={`recommenders.${index}.email`}
                label="Adresse e-mail"
                hint="De préférence son adresse professionnelle (académique)."
                error={e?.email?.message}
                required
              >
                <Input
                  type="email"
                  inputMode="email"
                  autoComplete="off"
                  {...register(`recommenders.${index}.email`)}
                />
              </FormField>
            </div>
          )
        })}
      </Section>

      {props.children}

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" size="lg" pending={pending}>
          Déposer ma candidature
        </Button>
        <p className="text-sm text-slate-600">
          Après le dépôt, vos recommandants reçoivent aussitôt leur demande.
        </p>
      </div>
    </form>
  )
})

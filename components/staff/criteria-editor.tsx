'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import {
  addCriterionAction,
  removeCriterionAction,
  updateCriterionAction,
} from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import { criterionSchema, type CriterionFormInput } from '@/lib/admissions/review-schemas'

type Criterion = { id: string; label: string; scaleMax: number; weight: number }

function CriterionForm({ campaignId, criterion }: { campaignId: string; criterion?: Criterion }) {
  const prefix = criterion ? `crit-${criterion.id}` : 'new-crit'
  const form = useForm<CriterionFormInput>({
    resolver: zodResolver(criterionSchema) as never,
    defaultValues: criterion ?? { label: '', scaleMax: 20, weight: 1 },
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = criterion
          ? await updateCriterionAction({ ...values, campaignId, criterionId: criterion.id })
          : await addCriterionAction({ ...values, campaignId })
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success(criterion ? 'Critère modifié.' : 'Critère ajouté.')
        if (!criterion) form.reset()
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <ErrorSummary
        {...errorSummary.summary}
        targets={{
          label: `${prefix}-label`,
          scaleMax: `${prefix}-scale`,
          weight: `${prefix}-weight`,
        }}
      />
      <div className="grid gap-3 sm:grid-cols-4">
        <div className="sm:col-span-2">
          <FormField id={`${prefix}-label`} label="Critère" error={errors.label?.message} required>
            <Input {...form.register('label')} />
          </FormField>
        </div>
        <FormField
          id={`${prefix}-scale`}
          label="Noté sur"
          error={errors.scaleMax?.message}
          required
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            {...form.register('scaleMax')}
          />
        </FormField>
        <FormField
          id={`${prefix}-weight`}
          label="Coefficient"
          error={errors.weight?.message}
          required
        >
          <Input
            type="number"
            inputMode="decimal"
            step="0.1"
            min={0.1}
            max={100}
            {...form.register('weight')}
          />
        </FormField>
      </div>
      <Button type="submit" size="sm" pending={pending}>
        {criterion ? 'Enregistrer le critère' : 'Ajouter le critère'}
      </Button>
    </form>
  )
}

export function CriteriaEditor({
  campaignId,
  criteria,
}: {
  campaignId: string
  criteria: Criterion[]
}) {
  const [pending, startTransition] = useTransition()
  return (
    <div className="space-y-4">
      {criteria.length === 0 ? (
        <p className="text-sm text-slate-600">
          Aucun critère : les examinateurs ne peuvent pas encore noter.
        </p>
      ) : null}
      <ol className="space-y-3">
        {criteria.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-medium">
                {c.label}{' '}
                <span className="font-normal text-slate-600">
                  · sur {c.scaleMax} · coefficient {c.weight.toLocaleString('fr-FR')}
                </span>
              </p>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={pending}
                aria-label={`Supprimer « ${c.label} »`}
                onClick={() =>
                  startTransition(async () => {
                    const result = await removeCriterionAction({ campaignId, criterionId: c.id })
                    if (!result.ok) toast.error(result.formError ?? 'Suppression impossible.')
                  })
                }
              >
                Supprimer
              </Button>
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">
                Modifier
              </summary>
              <div className="mt-3">
                <CriterionForm campaignId={campaignId} criterion={c} />
              </div>
            </details>
          </li>
        ))}
      </ol>
      <div className="rounded-md border border-dashed border-slate-300 p-4">
        <h3 className="mb-3 font-semibold">Nouveau critère</h3>
        <CriterionForm campaignId={campaignId} />
      </div>
    </div>
  )
}

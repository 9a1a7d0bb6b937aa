'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import {
  addDocumentRequirementAction,
  removeDocumentRequirementAction,
  updateDocumentRequirementAction,
} from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { FieldError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import {
  documentFormatChoices,
  documentRequirementSchema,
  type DocumentRequirementInput,
} from '@/lib/admissions/campaign-schemas'
import { formatLabels } from '@/lib/storage/document-formats'

export type Requirement = {
  id: string
  name: string
  helpText: string | null
  formats: ('pdf' | 'jpeg' | 'png')[]
  maxMegabytes: number
  required: boolean
}

function RequirementForm({
  campaignId,
  requirement,
}: {
  campaignId: string
  requirement?: Requirement
}) {
  const prefix = requirement ? `doc-${requirement.id}` : 'new-doc'
  const form = useForm<DocumentRequirementInput>({
    resolver: zodResolver(documentRequirementSchema) as never,
    defaultValues: requirement
      ? {
          name: requirement.name,
          helpText: requirement.helpText ?? '',
          formats: requirement.formats,
          maxMegabytes: requirement.maxMegabytes,
          required: requirement.required,
        }
      : { name: '', helpText: '', formats: ['pdf'], maxMegabytes: 5, required: true },
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = requirement
          ? await updateDocumentRequirementAction({
              ...values,
              campaignId,
              requirementId: requirement.id,
            })
          : await addDocumentRequirementAction({ ...values, campaignId })
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success(requirement ? 'Pièce modifiée.' : 'Pièce ajoutée.')
        if (!requirement) form.reset()
      }),
    errorSummary.failed,
  )
  const formatsError =
    errors.formats?.message ??
    (errors.formats as { root?: { message?: string } } | undefined)?.root?.message
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <ErrorSummary
        {...errorSummary.summary}
        targets={{
          name: `${prefix}-name`,
          maxMegabytes: `${prefix}-max`,
          helpText: `${prefix}-help`,
          formats: `${prefix}-formats`,
        }}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <FormField
            id={`${prefix}-name`}
            label="Nom de la pièce"
            error={errors.name?.message}
            required
          >
            <Input {...form.register('name')} />
          </FormField>
        </div>
        <FormField
          id={`${prefix}-max`}
          label="Taille maximale (Mo)"
          error={errors.maxMegabytes?.message}
          required
        >
          <Input
            type="number"
            min={1}
            max={50}
            inputMode="numeric"
            {...form.register('maxMegabytes')}
          />
        </FormField>
      </div>
      <FormField
        id={`${prefix}-help`}
        label="Aide pour le candidat (facultatif)"
        error={errors.helpText?.message}
      >
        <Input {...form.register('helpText')} />
      </FormField>
      <fieldset
        id={`${prefix}-formats`}
        aria-describedby={formatsError ? `${prefix}-formats-error` : undefined}
      >
        <legend className="text-sm font-semibold">Formats acceptés</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {documentFormatChoices.map((format) => (
            <Checkbox
              key={format}
              id={`${prefix}-format-${format}`}
              value={format}
              label={formatLabels[format]}
              {...form.register('formats')}
            />
          ))}
        </div>
        <FieldError id={`${prefix}-formats-error`} message={formatsError} />
      </fieldset>
      <Checkbox
        id={`${prefix}-required`}
        label="Pièce obligatoire (le dossier ne peut pas être déposé sans elle)"
        {...form.register('required')}
      />
      <Button type="submit" size="sm" pending={pending}>
        {requirement ? 'Enregistrer la pièce' : 'Ajouter la pièce'}
      </Button>
    </form>
  )
}

export function DocumentRequirementsEditor({
  campaignId,
  requirements,
}: {
  campaignId: string
  requirements: Requirement[]
}) {
  const [pending, startTransition] = useTransition()
  return (
    <div className="space-y-4">
      {requirements.length === 0 ? (
        <p className="text-sm text-slate-600">Aucune pièce demandée pour l’instant.</p>
      ) : null}
      <ol className="space-y-3">
        {requirements.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="font-medium">{r.name}</p>
                <p className="text-sm text-slate-600">
                  {r.formats.map((f) => formatLabels[f]).join(', ')} · {r.maxMegabytes} Mo au plus ·{' '}
                  {r.required ? 'obligatoire' : 'facultative'}
                </p>
              </div>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={pending}
                aria-label={`Supprimer « ${r.name} »`}
                onClick={() =>
                  startTransition(async () => {
                    const result = await removeDocumentRequirementAction({
                      campaignId,
                      requirementId: r.id,
                    })
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
                <RequirementForm campaignId={campaignId} requirement={r} />
              </div>
            </details>
          </li>
        ))}
      </ol>
      <div className="rounded-md border border-dashed border-slate-300 p-4">
        <h3 className="mb-3 font-semibold">Nouvelle pièce</h3>
        <RequirementForm campaignId={campaignId} />
      </div>
    </div>
  )
}

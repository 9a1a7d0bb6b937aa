'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { remapImportAction } from '@/app/(equipe)/equipe/eleves/import/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { FormError, FormField } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { importMappingSchema, type ImportMappingValues } from '@/lib/school/class-schemas'
import {
  importFieldLabels,
  importFields,
  requiredFields,
  type ColumnMapping,
} from '@/lib/school/student-import/mapping'

/** Which column holds what: guessed from the headers, checked and corrected by the person. */
export function ImportMappingForm({
  importId,
  headers,
  columns,
  createMissingClasses,
  missingClasses,
}: {
  importId: string
  headers: string[]
  columns: ColumnMapping
  createMissingClasses: boolean
  missingClasses: string[]
}) {
  const uid = useId()
  const defaults: ImportMappingValues = {
    importId,
    createMissingClasses,
    columns: Object.fromEntries(
      importFields.map((f) => [f, columns[f] === null ? '' : String(columns[f])]),
    ) as ImportMappingValues['columns'],
  }
  const form = useForm<ImportMappingValues>({
    resolver: zodResolver(importMappingSchema) as never,
    defaultValues: defaults,
  })
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await remapImportAction(values)
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success('Aperçu mis à jour.')
    }),
  )
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4"
      aria-label="Correspondance des colonnes"
    >
      <FormError message={form.formState.errors.root?.message} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {importFields.map((field) => (
          <FormField
            key={field}
            id={`${uid}-${field}`}
            label={importFieldLabels[field]}
            required={requiredFields.includes(field)}
          >
            <Select {...form.register(`columns.${field}`)}>
              <option value="">— Aucune colonne —</option>
              {headers.map((header, index) => (
                <option key={index} value={String(index)}>
                  {header}
                </option>
              ))}
            </Select>
          </FormField>
        ))}
      </div>
      {missingClasses.length > 0 ? (
        <Checkbox
          id={`${uid}-create`}
          label={`Créer les classes absentes de l’établissement : ${missingClasses.join(', ')}`}
          {...form.register('createMissingClasses')}
        />
      ) : null}
      <Button type="submit" variant="secondary" pending={pending}>
        Mettre à jour l’aperçu
      </Button>
    </form>
  )
}

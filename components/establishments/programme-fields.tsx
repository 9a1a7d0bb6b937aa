'use client'

import type { FieldErrors, UseFormRegister } from 'react-hook-form'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'

type ProgrammeValues = {
  programmeName?: string
  programmeLevel?: string
  departmentName?: string
  programmeDescription?: string
}

/** Name, level, department and presentation of a programme, as the catalogue shows them. */
export function ProgrammeFields<T extends ProgrammeValues>({
  register,
  errors,
  departments,
  idPrefix,
}: {
  register: UseFormRegister<T>
  errors: FieldErrors<T>
  departments: string[]
  idPrefix: string
}) {
  const reg = register as unknown as UseFormRegister<ProgrammeValues>
  const err = errors as FieldErrors<ProgrammeValues>
  const listId = `${idPrefix}-departments`
  return (
    <div className="space-y-4">
      <FormField
        id={`${idPrefix}-programmeName`}
        label="Nom de la formation"
        error={err.programmeName?.message}
        required
      >
        <Input {...reg('programmeName')} autoComplete="off" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={`${idPrefix}-programmeLevel`}
          label="Niveau"
          hint="Tel qu’affiché dans le catalogue : « Bac+2 », « Bac+3 — classe préparatoire »…"
          error={err.programmeLevel?.message}
        >
          <Input {...reg('programmeLevel')} autoComplete="off" />
        </FormField>
        <FormField
          id={`${idPrefix}-departmentName`}
          label="Département"
          hint="Un département existant, ou un nouveau nom pour le créer."
          error={err.departmentName?.message}
        >
          <Input {...reg('departmentName')} list={listId} autoComplete="off" />
        </FormField>
        <datalist id={listId}>
          {departments.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </div>
      <FormField
        id={`${idPrefix}-programmeDescription`}
        label="Présentation de la formation (catalogue)"
        error={err.programmeDescription?.message}
      >
        <Textarea rows={3} {...reg('programmeDescription')} />
      </FormField>
    </div>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { createClassAction } from '@/app/(equipe)/equipe/classes/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { classSchema, type ClassFormValues } from '@/lib/school/class-schemas'

export type ProgrammeOption = { id: string; name: string }

/** A new class, or a cohort when a programme is chosen. */
export function ClassCreateForm({
  schoolYearId,
  programmes,
}: {
  schoolYearId: string
  programmes: ProgrammeOption[]
}) {
  const form = useForm<ClassFormValues>({
    resolver: zodResolver(classSchema) as never,
    defaultValues: { schoolYearId, name: '', level: '', programmeId: '' },
  })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createClassAction(values)
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success(`Classe « ${values.name} » créée.`)
      form.reset({ schoolYearId, name: '', level: '', programmeId: '' })
    }),
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Nouvelle classe">
      <FormError message={errors.root?.message} />
      <input type="hidden" {...form.register('schoolYearId')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          id="class-name"
          label="Nom"
          hint="Par exemple « 3e B » ou « BTS SIO 1 »."
          error={errors.name?.message}
          required
        >
          <Input autoComplete="off" {...form.register('name')} />
        </FormField>
        <FormField
          id="class-level"
          label="Niveau"
          hint="Pour regrouper les classes : « 3e », « Terminale »…"
          error={errors.level?.message}
        >
          <Input autoComplete="off" {...form.register('level')} />
        </FormField>
        {programmes.length > 0 ? (
          <FormField
            id="class-programme"
            label="Formation (promotion)"
            hint="Facultatif : les étudiants de cette formation cette année."
            error={errors.programmeId?.message}
          >
            <Select {...form.register('programmeId')}>
              <option value="">— Aucune —</option>
              {programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}
      </div>
      <Button type="submit" pending={pending}>
        Créer la classe
      </Button>
    </form>
  )
}

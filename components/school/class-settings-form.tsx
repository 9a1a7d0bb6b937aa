'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useTransition } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { updateClassAction } from '@/app/(equipe)/equipe/classes/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { FieldError, FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { classSettingsSchema, type ClassSettingsValues } from '@/lib/school/class-schemas'
import type { ProgrammeOption } from './class-create-form'

export type TeacherOption = { userId: string; name: string | null; email: string }

/**
 * A class's settings: name, level, programme, main teachers (members with that role), and
 * whether it does internships, with their periods (inside the school year, not overlapping).
 */
export function ClassSettingsForm({
  defaultValues,
  programmes,
  teachers,
  year,
}: {
  defaultValues: ClassSettingsValues
  programmes: ProgrammeOption[]
  teachers: TeacherOption[]
  year: { label: string; startsOn: string; endsOn: string }
}) {
  const uid = useId()
  const form = useForm<ClassSettingsValues>({
    resolver: zodResolver(classSettingsSchema) as never,
    defaultValues,
  })
  const { errors } = form.formState
  const periods = useFieldArray({ control: form.control, name: 'periods' })
  const selected = useWatch({ control: form.control, name: 'mainTeacherUserIds' })
  const internships = useWatch({ control: form.control, name: 'internshipsEnabled' })
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await updateClassAction(values)
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success(`Classe « ${values.name} » enregistrée.`)
    }),
  )
  const toggleTeacher = (userId: string, on: boolean) =>
    form.setValue(
      'mainTeacherUserIds',
      on ? [...selected, userId] : selected.filter((id) => id !== userId),
      { shouldDirty: true },
    )
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={errors.root?.message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id={`${uid}-name`} label="Nom" error={errors.name?.message} required>
          <Input autoComplete="off" {...form.register('name')} />
        </FormField>
        <FormField id={`${uid}-level`} label="Niveau" error={errors.level?.message}>
          <Input autoComplete="off" {...form.register('level')} />
        </FormField>
        {programmes.length > 0 ? (
          <FormField
            id={`${uid}-programme`}
            label="Formation (promotion)"
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

      <fieldset className="space-y-2" id={`${uid}-teachers`}>
        <legend className="text-sm font-semibold text-slate-800">Professeurs principaux</legend>
        {teachers.length === 0 ? (
          <p className="text-sm text-slate-600">
            Aucun membre n’a encore le rôle de professeur principal : invitez-en un depuis la page
            des membres.
          </p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {teachers.map((t) => (
              <Checkbox
                key={t.userId}
                id={`${uid}-teacher-${t.userId}`}
                label={t.name ? `${t.name} (${t.email})` : t.email}
                checked={selected.includes(t.userId)}
                onChange={(event) => toggleTeacher(t.userId, event.target.checked)}
              />
            ))}
          </div>
        )}
        <FieldError message={errors.mainTeacherUserIds?.message} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">Stages</legend>
        <Checkbox
          id={`${uid}-internships`}
          label="Cette classe fait des stages"
          {...form.register('internshipsEnabled')}
        />
        {internships ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              Périodes de stage, comprises dans l’année {year.label} et sans chevauchement.
            </p>
            {periods.fields.map((field, index) => {
              const error = errors.periods?.[index]
              return (
                <div
                  key={field.id}
                  className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_auto_auto_auto]"
                >
                  <FormField
                    id={`${uid}-period-${index}-label`}
                    label={`Intitulé de la période ${index + 1}`}
                    error={error?.label?.message}
                  >
                    <Input {...form.register(`periods.${index}.label`)} />
                  </FormField>
                  <FormField
                    id={`${uid}-period-${index}-start`}
                    label="Début"
                    error={error?.startsOn?.message}
                    required
                  >
                    <Input
                      type="date"
                      min={year.startsOn}
                      max={year.endsOn}
                      {...form.register(`periods.${index}.startsOn`)}
                    />
                  </FormField>
                  <FormField
                    id={`${uid}-period-${index}-end`}
                    label="Fin"
                    error={error?.endsOn?.message}
                    required
                  >
                    <Input
                      type="date"
                      min={year.startsOn}
                      max={year.endsOn}
                      {...form.register(`periods.${index}.endsOn`)}
                    />
                  </FormField>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => periods.remove(index)}
                  >
                    Retirer la période {index + 1}
                  </Button>
                </div>
              )
            })}
            <FieldError message={errors.periods?.message ?? errors.periods?.root?.message} />
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => periods.append({ label: '', startsOn: '', endsOn: '' })}
            >
              Ajouter une période
            </Button>
          </div>
        ) : null}
      </fieldset>

      <Button type="submit" pending={pending}>
        Enregistrer la classe
      </Button>
    </form>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateProgrammeAction } from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-field'
import { toast } from '@/components/ui/toast'
import { programmeSchema, type ProgrammeInput } from '@/lib/admissions/campaign-schemas'
import { ProgrammeFields } from './programme-fields'

/** The programme of a campaign as the catalogue shows it (shared by its other campaigns). */
export function ProgrammeForm({ campaignId, programmeId, departments, defaultValues }: { campaignId: string; programmeId: string; departments: string[]; defaultValues: ProgrammeInput }) {
  const form = useForm<ProgrammeInput>({ resolver: zodResolver(programmeSchema) as never, defaultValues })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await updateProgrammeAction({ ...values, campaignId, programmeId })
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success('Formation enregistrée.')
    }),
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <ProgrammeFields register={form.register} errors={errors} departments={departments} idPrefix="programme" />
      <Button type="submit" pending={pending}>
        Enregistrer la formation
      </Button>
    </form>
  )
}

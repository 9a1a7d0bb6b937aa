'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { updateProgrammeAction } from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import { programmeSchema, type ProgrammeInput } from '@/lib/establishments/schemas'
import { ProgrammeFields } from './programme-fields'

/** The programme of a campaign as the catalogue shows it (shared by its other campaigns). */
export function ProgrammeForm({
  campaignId,
  programmeId,
  departments,
  defaultValues,
}: {
  campaignId: string
  programmeId: string
  departments: string[]
  defaultValues: ProgrammeInput
}) {
  const form = useForm<ProgrammeInput>({
    resolver: zodResolver(programmeSchema) as never,
    defaultValues,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await updateProgrammeAction({ ...values, campaignId, programmeId })
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success('Formation enregistrée.')
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary {...errorSummary.summary} targets={(name) => `programme-${name}`} />
      <ProgrammeFields
        register={form.register}
        errors={errors}
        departments={departments}
        idPrefix="programme"
      />
      <Button type="submit" pending={pending}>
        Enregistrer la formation
      </Button>
    </form>
  )
}

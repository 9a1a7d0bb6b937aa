'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import {
  addMotivationAction,
  setMotivationActiveAction,
} from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import { motivationSchema, type MotivationInput } from '@/lib/admissions/review-schemas'

/** The establishment's list of motivations for unfavourable decisions. */
export function MotivationsEditor({
  campaignId,
  motivations,
}: {
  campaignId: string
  motivations: { id: string; label: string; active: boolean }[]
}) {
  const form = useForm<MotivationInput>({
    resolver: zodResolver(motivationSchema),
    defaultValues: { label: '' },
  })
  const [pending, startTransition] = useTransition()
  const { errors } = form.formState
  const add = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await addMotivationAction({ ...values, campaignId })
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success('Motif ajouté.')
      form.reset()
    }),
  )
  const toggle = (id: string, active: boolean) =>
    startTransition(async () => {
      const result = await setMotivationActiveAction({ campaignId, motivationId: id, active })
      if (!result.ok) toast.error(result.formError ?? 'Action impossible.')
    })
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {motivations.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span className={m.active ? '' : 'text-slate-500 line-through'}>{m.label}</span>
            <span className="flex items-center gap-2">
              {m.active ? null : <Badge>Retiré</Badge>}
              <Button
                type="button"
                size="sm"
                variant="ghost"
                disabled={pending}
                onClick={() => toggle(m.id, !m.active)}
                aria-label={`${m.active ? 'Retirer' : 'Rétablir'} « ${m.label} »`}
              >
                {m.active ? 'Retirer' : 'Rétablir'}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate className="space-y-2">
        <FormError message={errors.root?.message} />
        <FormField id="new-motivation" label="Nouveau motif" error={errors.label?.message}>
          <Input {...form.register('label')} />
        </FormField>
        <Button type="submit" size="sm" pending={pending}>
          Ajouter le motif
        </Button>
      </form>
    </div>
  )
}

'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import {
  resetNoticeAction,
  saveNoticeAction,
} from '@/app/(equipe)/equipe/informations-legales/actions'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/components/ui/toast'
import type { NoticeKind } from '@/db/schema'
import { noticeSchema, type NoticeInput } from '@/lib/people/notice-schemas'

export function NoticeForm({
  kind,
  title,
  body,
  isDefault,
}: {
  kind: NoticeKind
  title: string
  body: string
  isDefault: boolean
}) {
  const form = useForm<NoticeInput>({
    resolver: zodResolver(noticeSchema) as never,
    defaultValues: { kind, body },
  })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const [resetting, startReset] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await saveNoticeAction(values)
      if (!result.ok) return applyServerErrors(form.setError, result.fieldErrors, result.formError)
      toast.success(`${title} : texte enregistré.`)
    }),
  )
  const reset = () =>
    startReset(async () => {
      const result = await resetNoticeAction({ kind })
      if (!result.ok) return form.setError('root', { type: 'server', message: result.formError })
      toast.success(`${title} : texte par défaut rétabli.`)
    })
  const id = `notice-${kind}`
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <input type="hidden" {...form.register('kind')} />
      <FormField
        id={id}
        label={`Texte : ${title}`}
        hint="Texte simple : une ligne vide sépare les paragraphes, « # » en début de paragraphe en fait un intertitre, « - » en début de ligne une liste."
        error={errors.body?.message}
        required
      >
        <Textarea rows={16} className="font-mono text-sm" {...form.register('body')} />
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          Enregistrer
        </Button>
        {!isDefault ? (
          <Button type="button" variant="secondary" pending={resetting} onClick={reset}>
            Rétablir le texte par défaut
          </Button>
        ) : null}
      </div>
    </form>
  )
}

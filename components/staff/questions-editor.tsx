'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm } from 'react-hook-form'
import {
  addQuestionAction,
  moveQuestionAction,
  removeQuestionAction,
  updateQuestionAction,
} from '@/app/(equipe)/equipe/campagnes/[id]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { questionSchema, type QuestionInput } from '@/lib/admissions/campaign-schemas'

type Question = {
  id: string
  kind: 'text' | 'scale'
  label: string
  help: string | null
  required: boolean
}

const kindLabel = { scale: 'Échelle (Excellent … Insuffisant)', text: 'Texte libre' } as const

function QuestionForm({
  campaignId,
  question,
  onDone,
}: {
  campaignId: string
  question?: Question
  onDone?: () => void
}) {
  const prefix = question ? `q-${question.id}` : 'new-question'
  const form = useForm<QuestionInput>({
    resolver: zodResolver(questionSchema) as never,
    defaultValues: question
      ? {
          kind: question.kind,
          label: question.label,
          help: question.help ?? '',
          required: question.required,
        }
      : { kind: 'scale', label: '', help: '', required: true },
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = question
          ? await updateQuestionAction({ ...values, campaignId, questionId: question.id })
          : await addQuestionAction({ ...values, campaignId })
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success(question ? 'Question modifiée.' : 'Question ajoutée.')
        if (!question) form.reset()
        onDone?.()
      }),
    errorSummary.failed,
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <ErrorSummary {...errorSummary.summary} targets={(name) => `${prefix}-${name}`} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <FormField id={`${prefix}-label`} label="Intitulé" error={errors.label?.message} required>
            <Input {...form.register('label')} />
          </FormField>
        </div>
        <FormField id={`${prefix}-kind`} label="Type" error={errors.kind?.message} required>
          <Select {...form.register('kind')}>
            <option value="scale">{kindLabel.scale}</option>
            <option value="text">{kindLabel.text}</option>
          </Select>
        </FormField>
      </div>
      <FormField id={`${prefix}-help`} label="Aide (facultatif)" error={errors.help?.message}>
        <Input {...form.register('help')} />
      </FormField>
      <Checkbox
        id={`${prefix}-required`}
        label="Réponse obligatoire"
        {...form.register('required')}
      />
      <Button type="submit" size="sm" pending={pending}>
        {question ? 'Enregistrer la question' : 'Ajouter la question'}
      </Button>
    </form>
  )
}

export function QuestionsEditor({
  campaignId,
  questions,
  locked,
}: {
  campaignId: string
  questions: Question[]
  locked: boolean
}) {
  const [pending, startTransition] = useTransition()
  const run = (action: () => Promise<{ ok: boolean; formError?: string }>) =>
    startTransition(async () => {
      const result = await action()
      if (!result.ok) toast.error(result.formError ?? 'Action impossible.')
    })
  return (
    <div className="space-y-4">
      {locked ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          Questionnaire verrouillé : une recommandation a déjà été transmise. Les questions ne
          peuvent plus changer pour cette campagne.
        </p>
      ) : null}
      <ol className="space-y-3">
        {questions.map((q, index) => (
          <li key={q.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="font-medium">
                  {index + 1}. {q.label}
                </p>
                <p className="text-sm text-slate-600">
                  {kindLabel[q.kind]}
                  {q.required ? ' · obligatoire' : ' · facultative'}
                  {q.help ? ` · ${q.help}` : ''}
                </p>
              </div>
              {locked ? (
                <Badge>Verrouillée</Badge>
              ) : (
                <div className="flex flex-wrap gap-1">
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={pending || index === 0}
                    onClick={() =>
                      run(() =>
                        moveQuestionAction({ campaignId, questionId: q.id, direction: 'up' }),
                      )
                    }
                    aria-label={`Monter « ${q.label} »`}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={pending || index === questions.length - 1}
                    onClick={() =>
                      run(() =>
                        moveQuestionAction({ campaignId, questionId: q.id, direction: 'down' }),
                      )
                    }
                    aria-label={`Descendre « ${q.label} »`}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    disabled={pending}
                    onClick={() =>
                      run(() => removeQuestionAction({ campaignId, questionId: q.id }))
                    }
                    aria-label={`Supprimer « ${q.label} »`}
                  >
                    Supprimer
                  </Button>
                </div>
              )}
            </div>
            {locked ? null : (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">
                  Modifier
                </summary>
                <div className="mt-3">
                  <QuestionForm campaignId={campaignId} question={q} />
                </div>
              </details>
            )}
          </li>
        ))}
      </ol>
      {locked ? null : (
        <div className="rounded-md border border-dashed border-slate-300 p-4">
          <h3 className="mb-3 font-semibold">Nouvelle question</h3>
          <QuestionForm campaignId={campaignId} />
        </div>
      )}
    </div>
  )
}

'use client'

import { useState, useTransition } from 'react'
import { saveReviewAction } from '@/app/(equipe)/equipe/candidatures/[id]/actions'
import { Button } from '@/components/ui/button'
import { ErrorSummary, serverErrorsForSummary } from '@/components/forms/error-summary'
import { FieldError } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { toast } from '@/components/ui/toast'
import { weightedMark } from '@/lib/admissions/review-grid'

type Criterion = { id: string; label: string; scaleMax: number; weight: number }

/** The reviewer's grid beside the file: scores per criterion, the live mark, a comment. */
export function ReviewForm({
  applicationId,
  criteria,
  scores: initial,
  comment: initialComment,
  completed,
}: {
  applicationId: string
  criteria: Criterion[]
  scores: Record<string, number>
  comment: string
  completed: boolean
}) {
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(
      criteria.map((c) => [c.id, initial[c.id] === undefined ? '' : String(initial[c.id])]),
    ),
  )
  const [comment, setComment] = useState(initialComment)
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({})
  const [formError, setFormError] = useState<string>()
  const [failures, setFailures] = useState(0)
  const [pending, startTransition] = useTransition()
  const numeric = Object.fromEntries(
    Object.entries(scores).map(([k, v]) => [k, v === '' ? undefined : Number(v)]),
  )
  const live = weightedMark(criteria, numeric)

  const save = (finish: boolean) =>
    startTransition(async () => {
      const result = await saveReviewAction({ applicationId, scores, comment, finish })
      if (!result.ok) {
        setErrors(result.fieldErrors)
        setFormError(result.formError)
        setFailures((n) => n + 1)
        return
      }
      setErrors({})
      setFormError(undefined)
      toast.success(finish ? 'Évaluation terminée.' : 'Brouillon d’évaluation enregistré.')
    })

  if (criteria.length === 0)
    return (
      <p className="text-sm text-slate-600">
        La grille de cette campagne n’a pas encore de critère.
      </p>
    )
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault()
        save(true)
      }}
    >
      <ErrorSummary
        errors={serverErrorsForSummary(errors, formError)}
        focusKey={failures}
        targets={(name) =>
          name.startsWith('scores.')
            ? `score-${name.slice('scores.'.length)}`
            : name === 'comment'
              ? 'review-comment'
              : undefined
        }
      />
      <div className="grid gap-3 sm:grid-cols-2">
        {criteria.map((c) => {
          const error = errors[`scores.${c.id}`]?.[0]
          return (
            <div key={c.id} className="space-y-1">
              <label htmlFor={`score-${c.id}`} className="block text-sm font-semibold">
                {c.label}{' '}
                <span className="font-normal text-slate-600">
                  (sur {c.scaleMax}, coef. {c.weight.toLocaleString('fr-FR')})
                </span>
              </label>
              <Input
                id={`score-${c.id}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={c.scaleMax}
                step={1}
                value={scores[c.id]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `score-${c.id}-error` : undefined}
                onChange={(e) => setScores((s) => ({ ...s, [c.id]: e.target.value }))}
              />
              <FieldError id={`score-${c.id}-error`} message={error} />
            </div>
          )
        })}
      </div>
      <p className="text-sm" aria-live="polite">
        Note pondérée :{' '}
        <strong>
          {live === null
            ? '— (toutes les notes sont nécessaires)'
            : `${live.toLocaleString('fr-FR')} / 20`}
        </strong>
        {completed ? ' · évaluation terminée' : ''}
      </p>
      <div className="space-y-1">
        <label htmlFor="review-comment" className="block text-sm font-semibold">
          Commentaire pour la commission
        </label>
        <Textarea
          id="review-comment"
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-describedby={errors.comment ? 'review-comment-error' : undefined}
        />
        <FieldError id="review-comment-error" message={errors.comment?.[0]} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Terminer l’évaluation
        </Button>
        <Button type="button" variant="secondary" pending={pending} onClick={() => save(false)}>
          Enregistrer le brouillon
        </Button>
      </div>
    </form>
  )
}

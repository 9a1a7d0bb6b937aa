'use client'

import { useState, useTransition } from 'react'
import { enterDecisionsAction } from '@/app/(equipe)/equipe/campagnes/[id]/commission/actions'
import { Button } from '@/components/ui/button'
import { ErrorSummary, serverErrorsForSummary } from '@/components/forms/error-summary'
import { FieldError } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'

/** Enter (not publish) the commission's decision on one file. */
export function DecisionForm({
  campaignId,
  applicationId,
  motivations,
  current,
}: {
  campaignId: string
  applicationId: string
  motivations: { id: string; label: string }[]
  current: string | null
}) {
  const [outcome, setOutcome] = useState('')
  const [motivationId, setMotivationId] = useState('')
  const [motivationText, setMotivationText] = useState('')
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({})
  const [formError, setFormError] = useState<string>()
  const [failures, setFailures] = useState(0)
  const [pending, startTransition] = useTransition()
  const submit = () =>
    startTransition(async () => {
      const result = await enterDecisionsAction({
        campaignId,
        applicationIds: [applicationId],
        outcome: outcome as 'admitted',
        motivationId,
        motivationText,
      })
      if (!result.ok) {
        setErrors(result.fieldErrors)
        setFormError(result.formError)
        setFailures((n) => n + 1)
        return
      }
      setErrors({})
      setFormError(undefined)
      toast.success('Décision enregistrée : elle sera envoyée à la publication.')
    })
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      {current ? (
        <p className="text-sm">
          Décision saisie, non publiée : <strong>{current}</strong>.
        </p>
      ) : null}
      <ErrorSummary
        errors={serverErrorsForSummary(errors, formError)}
        focusKey={failures}
        targets={{
          outcome: 'decision-outcome',
          motivationId: 'decision-motivation',
          motivationText: 'decision-motivation-text',
        }}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="decision-outcome" className="block text-sm font-semibold">
            Décision
          </label>
          <Select
            id="decision-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            aria-describedby={errors.outcome ? 'decision-outcome-error' : undefined}
          >
            <option value="">Choisir…</option>
            <option value="admitted">Favorable</option>
            <option value="waitlisted">Liste d’attente</option>
            <option value="rejected">Défavorable</option>
          </Select>
          <FieldError id="decision-outcome-error" message={errors.outcome?.[0]} />
        </div>
        {outcome === 'rejected' ? (
          <div className="space-y-1">
            <label htmlFor="decision-motivation" className="block text-sm font-semibold">
              Motif
            </label>
            <Select
              id="decision-motivation"
              value={motivationId}
              onChange={(e) => setMotivationId(e.target.value)}
              aria-invalid={errors.motivationId ? true : undefined}
              aria-describedby={errors.motivationId ? 'decision-motivation-error' : undefined}
            >
              <option value="">Choisir…</option>
              {motivations.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </Select>
            <FieldError id="decision-motivation-error" message={errors.motivationId?.[0]} />
          </div>
        ) : null}
      </div>
      {outcome === 'rejected' ? (
        <div className="space-y-1">
          <label htmlFor="decision-motivation-text" className="block text-sm font-semibold">
            Précisions (facultatif)
          </label>
          <Input
            id="decision-motivation-text"
            value={motivationText}
            onChange={(e) => setMotivationText(e.target.value)}
          />
        </div>
      ) : null}
      <Button type="submit" pending={pending} disabled={!outcome}>
        Enregistrer la décision
      </Button>
    </form>
  )
}

'use client'

import { useRouter } from 'next/navigation'
import { useMemo, useState, useTransition } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import {
  confirmPhoneCodeAction,
  declineRecommendationAction,
  saveRecommendationDraftAction,
  sendPhoneCodeAction,
  submitRecommendationAction,
} from '@/app/(public)/recommandation/[token]/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { lazySchemaResolver } from '@/components/forms/lazy-schema-resolver'
import { autosaveLabel, useAutosave } from '@/components/forms/use-autosave'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Checkbox } from '@/components/ui/checkbox'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { RadioGroup } from '@/components/ui/radio-group'
import { Textarea } from '@/components/ui/textarea'
import type { QuestionKind } from '@/db/schema'
import { opinionOptions, scaleOptions } from '@/lib/recommendations/scales'
import { ANSWER_MAX, DECLINE_REASON_MAX } from '@/lib/recommendations/form-fields'

type Question = {
  id: string
  kind: QuestionKind
  label: string
  help: string | null
  required: boolean
}
type FormValues = {
  answers: Record<string, string>
  opinion: string
  phone: string
  certified?: boolean
}

export function RecommendationForm(props: {
  token: string
  questions: Question[]
  smsEnabled: boolean
  defaultValues: FormValues
  lastSavedAt?: string
}) {
  const router = useRouter()
  const schema = useMemo(
    () =>
      lazySchemaResolver<FormValues>(() =>
        import('@/lib/recommendations/schemas').then(({ recommendationSchema }) =>
          recommendationSchema(props.questions),
        ),
      ),
    [props.questions],
  )
  const form = useForm<FormValues>({
    resolver: schema.resolver,
    defaultValues: { ...props.defaultValues, certified: false },
    shouldFocusError: false,
  })
  const { register, formState, setError, control } = form
  const errors = formState.errors
  // The summary takes the focus and announces the errors once (not one alert per question).
  const errorSummary = useErrorSummary(form)
  const [pending, startTransition] = useTransition()
  const values = useWatch({ control }) as FormValues
  const [phoneStep, setPhoneStep] = useState<'idle' | 'code-sent' | 'confirmed'>('idle')
  const [code, setCode] = useState('')
  const [phoneMessage, setPhoneMessage] = useState<string>()
  const [confirmedPhone, setConfirmedPhone] = useState<string>()

  const autosave = useAutosave(
    { answers: values.answers, opinion: values.opinion, phone: values.phone },
    async (draft) => {
      const result = await saveRecommendationDraftAction(props.token, draft)
      return result.ok
        ? { ok: true, savedAt: 'data' in result ? result.data.savedAt : undefined }
        : { ok: false, message: result.formError }
    },
    { enabled: !pending, initialSavedAt: props.lastSavedAt },
  )

  const onSubmit = form.handleSubmit(
    (data) =>
      startTransition(async () => {
        const result = await submitRecommendationAction(props.token, data)
        if (!result.ok) {
          errorSummary.serverFailed(result)
          return
        }
        router.refresh()
      }),
    errorSummary.failed,
  )

  const sendCode = () =>
    startTransition(async () => {
      setPhoneMessage(undefined)
      const result = await sendPhoneCodeAction(props.token, { phone: values.phone })
      if (!result.ok) {
        setError('phone', { message: result.fieldErrors.phone?.[0] ?? result.formError })
        return
      }
      setPhoneStep('code-sent')
      setPhoneMessage('Code envoyé par SMS. Il est valable 10 minutes.')
    })

  const confirmCode = () =>
    startTransition(async () => {
      const result = await confirmPhoneCodeAction(props.token, { phone: values.phone, code })
      if (!result.ok) {
        setPhoneMessage(
          result.fieldErrors.code?.[0] ?? result.fieldErrors.phone?.[0] ?? result.formError,
        )
        return
      }
      setPhoneStep('confirmed')
      setConfirmedPhone(values.phone)
      setPhoneMessage('Numéro confirmé.')
    })

  const phoneConfirmed = phoneStep === 'confirmed' && confirmedPhone === values.phone

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} onFocus={schema.preload} noValidate className="space-y-6">
        <p role="status" aria-live="polite" className="text-sm text-slate-600">
          {autosaveLabel(autosave)}
        </p>
        <ErrorSummary {...errorSummary.summary} />

        <Card className="space-y-5">
          <h2 className="text-lg font-semibold">Évaluation</h2>
          {props.questions
            .filter((q) => q.kind === 'scale')
            .map((q) => (
              <RadioGroup
                key={q.id}
                name={`answers.${q.id}`}
                legend={q.label}
                required
                inline
                options={scaleOptions.map((o) => ({ value: o.value, label: o.label }))}
                error={errors.answers?.[q.id]?.message}
                inputProps={() => register(`answers.${q.id}`)}
              />
            ))}
        </Card>

        <Card className="space-y-5">
          <h2 className="text-lg font-semibold">Appréciations</h2>
          {props.questions
            .filter((q) => q.kind === 'text')
            .map((q) => (
              <FormField
                key={q.id}
                id={`answers.${q.id}`}
                label={q.label}
                hint={q.help ?? undefined}
                error={errors.answers?.[q.id]?.message}
                required={q.required}
              >
                <Textarea rows={6} maxLength={ANSWER_MAX} {...register(`answers.${q.id}`)} />
              </FormField>
            ))}
          <RadioGroup
            name="opinion"
            legend="Avis global sur la poursuite d’études"
            required
            inline
            options={opinionOptions}
            error={errors.opinion?.message}
            inputProps={() => register('opinion')}
          />
        </Card>

        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">Authentification</h2>
          <FormField
            id="phone"
            label="Votre numéro de téléphone"
            hint={
              props.smsEnabled
                ? 'Un code vous sera envoyé par SMS pour confirmer que ce numéro est le vôtre.'
                : 'Il permet à l’établissement de vous joindre pour authentifier votre avis.'
            }
            error={errors.phone?.message}
            required
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" {...register('phone')} />
          </FormField>
          {props.smsEnabled ? (
            <div className="space-y-3">
              {phoneConfirmed ? (
                <p className="text-sm font-medium text-green-800">Numéro confirmé par SMS.</p>
              ) : (
                <>
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={sendCode}
                    disabled={pending || !values.phone}
                  >
                    {phoneStep === 'code-sent' ? 'Renvoyer un code' : 'Recevoir un code par SMS'}
                  </Button>
                  {phoneStep === 'code-sent' ? (
                    <div className="flex flex-wrap items-end gap-3">
                      <div className="space-y-1.5">
                        <label htmlFor="sms-code" className="block text-sm font-semibold">
                          Code reçu (6 chiffres)
                        </label>
                        <Input
                          id="sms-code"
                          inputMode="numeric"
                          autoComplete="one-time-code"
                          maxLength={6}
                          value={code}
                          onChange={(e) => setCode(e.target.value)}
                          className="w-40"
                        />
                      </div>
                      <Button
                        type="button"
                        onClick={confirmCode}
                        disabled={pending || code.length !== 6}
                      >
                        Confirmer le numéro
                      </Button>
                    </div>
                  ) : null}
                </>
              )}
              {phoneMessage ? (
                <p role="status" className="text-sm text-slate-700">
                  {phoneMessage}
                </p>
              ) : null}
            </div>
          ) : null}
          <Checkbox
            id="certified"
            label="Je certifie être l’auteur de cet avis et que les informations transmises sont exactes."
            error={errors.certified?.message}
            {...register('certified')}
          />
        </Card>

        <Button type="submit" size="lg" pending={pending}>
          Transmettre mon avis
        </Button>
      </form>
      <DeclineForm token={props.token} />
    </div>
  )
}

function DeclineForm({ token }: { token: string }) {
  const router = useRouter()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const decline = () =>
    startTransition(async () => {
      const result = await declineRecommendationAction(token, { reason })
      if (!result.ok) {
        setError(result.fieldErrors.reason?.[0] ?? result.formError)
        return
      }
      router.refresh()
    })
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">Vous ne pouvez pas donner cet avis ?</summary>
      <div className="mt-4 space-y-3">
        <FormField
          id="decline-reason"
          label="Motif"
          hint="Il sera transmis au candidat, qui pourra désigner une autre personne."
          error={error}
          required
        >
          <Textarea
            rows={3}
            maxLength={DECLINE_REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </FormField>
        {/* One field: its message is announced here once (the one beside it is not a live region). */}
        <p role="alert" className="sr-only">
          {error}
        </p>
        <Button type="button" variant="danger" pending={pending} onClick={decline}>
          Décliner la demande
        </Button>
      </div>
    </details>
  )
}

'use client'

import { useEffect, useMemo, useRef, useState, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { registerEstablishmentAction } from '@/app/(public)/inscription-etablissement/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { establishmentKindLabels, establishmentKindValues } from '@/lib/establishments/kinds'
import { lazySchemaResolver } from '@/components/forms/lazy-schema-resolver'
import { registrationSteps } from '@/lib/establishments/registration-steps'
import type { RegistrationInput } from '@/lib/establishments/schemas'
import { CommuneFields } from './commune-fields'

const empty: RegistrationInput = {
  postcode: '',
  city: '',
  name: '',
  uai: '',
  kind: '' as RegistrationInput['kind'],
  address: '',
  emailDomain: '',
  headName: '',
  headEmail: '',
}

const stepOf = (field: string) =>
  registrationSteps.findIndex((s) => (s.fields as readonly string[]).includes(field))

/** The head's registration in three steps (commune, school, themselves), each checked before the next. */
export function RegistrationForm() {
  // zod arrives on the first focus: the page itself stays light on a phone.
  const schema = useMemo(
    () =>
      lazySchemaResolver<RegistrationInput>(() =>
        import('@/lib/establishments/schemas').then((m) => m.registrationSchema),
      ),
    [],
  )
  const form = useForm<RegistrationInput>({
    resolver: schema.resolver,
    defaultValues: empty,
    shouldFocusError: false,
  })
  const errorSummary = useErrorSummary(form)
  const { errors } = form.formState
  const [step, setStep] = useState(0)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const heading = useRef<HTMLHeadingElement>(null)
  const last = registrationSteps.length - 1

  // A new step (or the final message) takes the focus to its title; errors take it to the summary.
  const [titleFocus, setTitleFocus] = useState(0)
  useEffect(() => {
    if (titleFocus > 0) heading.current?.focus()
  }, [titleFocus])

  const goTo = (index: number) => {
    form.clearErrors()
    setStep(index)
    setTitleFocus((n) => n + 1)
  }

  const next = async () => {
    const ok = await form.trigger([...registrationSteps[step]!.fields], { shouldFocus: false })
    if (ok) goTo(step + 1)
    else errorSummary.failed()
  }

  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await registerEstablishmentAction(values)
        if (result.ok) {
          setSentTo(values.headEmail.trim().toLowerCase())
          return setTitleFocus((n) => n + 1)
        }
        // Back to the first step holding an error the server found (a UAI already on the platform…).
        const steps = Object.keys(result.fieldErrors)
          .map(stepOf)
          .filter((i) => i >= 0)
        if (steps.length > 0) setStep(Math.min(...steps))
        errorSummary.serverFailed(result)
      }),
    errorSummary.failed,
  )

  if (sentTo)
    return (
      <Card role="status" className="space-y-2">
        <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold">
          Vérifiez votre boîte e-mail
        </h2>
        <p>
          Nous avons envoyé un lien de confirmation à <strong>{sentTo}</strong>. Il est valable 48
          heures et ne sert qu’une fois.
        </p>
        <p className="text-slate-700">
          Une fois votre adresse confirmée, l’équipe de la plateforme examine la demande et vous
          écrit.
        </p>
      </Card>
    )

  const current = registrationSteps[step]!
  return (
    <Card>
      <form
        onFocus={schema.preload}
        noValidate
        className="space-y-5"
        onSubmit={(event) => {
          if (step < last) {
            event.preventDefault()
            void next()
          } else void submit(event)
        }}
      >
        <ErrorSummary {...errorSummary.summary} />
        <div>
          <p className="text-sm font-medium text-slate-600">
            Étape {step + 1} sur {registrationSteps.length}
          </p>
          <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold">
            {current.title}
          </h2>
        </div>

        {step === 0 ? <CommuneFields form={form} /> : null}

        {step === 1 ? (
          <>
            <FormField
              id="name"
              label="Nom de l’établissement"
              error={errors.name?.message}
              required
            >
              <Input autoComplete="organization" {...form.register('name')} />
            </FormField>
            <FormField
              id="uai"
              label="Code UAI"
              hint="7 chiffres et une lettre, par exemple 0310036W : il figure sur les courriers de l’académie."
              error={errors.uai?.message}
              required
            >
              <Input className="w-40 uppercase" maxLength={10} {...form.register('uai')} />
            </FormField>
            <FormField id="kind" label="Type d’établissement" error={errors.kind?.message} required>
              <Select {...form.register('kind')}>
                <option value="">Choisissez</option>
                {establishmentKindValues.map((kind) => (
                  <option key={kind} value={kind}>
                    {establishmentKindLabels[kind]}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField
              id="address"
              label="Adresse"
              hint="Numéro et voie."
              error={errors.address?.message}
            >
              <Input autoComplete="street-address" {...form.register('address')} />
            </FormField>
            <FormField
              id="emailDomain"
              label="Domaine e-mail de l’établissement"
              hint="Ce qui suit « @ » dans les adresses du personnel, par exemple college-jaures.fr."
              error={errors.emailDomain?.message}
              required
            >
              <Input autoCapitalize="none" spellCheck={false} {...form.register('emailDomain')} />
            </FormField>
          </>
        ) : null}

        {step === 2 ? (
          <>
            <FormField
              id="headName"
              label="Vos nom et prénom"
              error={errors.headName?.message}
              required
            >
              <Input autoComplete="name" {...form.register('headName')} />
            </FormField>
            <FormField
              id="headEmail"
              label="Votre adresse professionnelle"
              hint="Sur le domaine de l’établissement, ou votre adresse académique (@ac-….fr)."
              error={errors.headEmail?.message}
              required
            >
              <Input type="email" autoComplete="email" {...form.register('headEmail')} />
            </FormField>
          </>
        ) : null}

        <div className="flex flex-wrap gap-3">
          {step > 0 ? (
            <Button type="button" variant="secondary" onClick={() => goTo(step - 1)}>
              Précédent
            </Button>
          ) : null}
          {step < last ? (
            <Button type="submit">Continuer</Button>
          ) : (
            <Button type="submit" pending={pending}>
              Envoyer la demande
            </Button>
          )}
        </div>
      </form>
    </Card>
  )
}

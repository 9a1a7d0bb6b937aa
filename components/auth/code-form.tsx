'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { applyServerErrors } from '@/components/forms/apply-server-errors'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/auth/action'
import { secondFactorSchema, totpCodeSchema } from '@/lib/auth/two-factor-schemas'

type Values = { code: string; callbackUrl?: string }
type Done = { recoveryCodes: string[] } | undefined

/**
 * One code field (the authenticator's six digits, or a recovery code) sent to a server
 * action: the sign-in's second step, turning two-factor on, turning it off. Recovery codes
 * returned by the action (turning it on) are shown once, here.
 */
export function CodeForm({
  action,
  accepts,
  id,
  label,
  hint,
  submitLabel,
  callbackUrl,
  variant = 'primary',
}: {
  action: (input: Values) => Promise<ActionResult<Done> | ActionResult>
  accepts: 'totp' | 'totp-or-recovery'
  id: string
  label: string
  hint?: string
  submitLabel: string
  callbackUrl?: string
  variant?: 'primary' | 'danger'
}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const form = useForm<Values>({
    resolver: zodResolver(accepts === 'totp' ? totpCodeSchema : secondFactorSchema) as never,
    defaultValues: { code: '', callbackUrl },
    shouldFocusError: true,
  })
  const { errors } = form.formState

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await action({ ...values, callbackUrl })
      if (!result) return
      if (!result.ok) {
        applyServerErrors(form.setError, result.fieldErrors, result.formError)
        return
      }
      const data = 'data' in result ? (result.data as Done) : undefined
      if (data?.recoveryCodes) setRecoveryCodes(data.recoveryCodes)
      else router.refresh()
    }),
  )

  if (recoveryCodes)
    return (
      <div className="space-y-3" role="status">
        <h3 className="font-semibold">Vos codes de secours</h3>
        <p className="text-sm text-slate-700">
          Notez-les ou imprimez-les maintenant et gardez-les à l’abri : ils ne seront plus affichés.
          Chacun permet une connexion sans votre téléphone, une seule fois.
        </p>
        <ul
          aria-label="Codes de secours"
          className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-3 font-mono text-sm"
        >
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Button type="button" variant="secondary" onClick={() => router.refresh()}>
          J’ai noté mes codes
        </Button>
      </div>
    )

  const showRootError = errors.root?.message && errors.root.message !== errors.code?.message
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={showRootError ? errors.root?.message : undefined} />
      <FormField id={id} label={label} hint={hint} error={errors.code?.message} required>
        <Input
          autoComplete="one-time-code"
          inputMode={accepts === 'totp' ? 'numeric' : 'text'}
          autoCapitalize="off"
          spellCheck={false}
          {...form.register('code')}
        />
      </FormField>
      <Button type="submit" variant={variant} pending={pending}>
        {submitLabel}
      </Button>
    </form>
  )
}

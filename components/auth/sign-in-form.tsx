'use client'

import { useMemo, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { requestSignInLink } from '@/app/(auth)/actions'
import { lazySchemaResolver } from '@/components/forms/lazy-schema-resolver'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import type { signInSchema } from '@/lib/auth/schemas'

type Input = z.input<typeof signInSchema>
type Output = z.output<typeof signInSchema>

export function SignInForm({
  callbackUrl,
  defaultEmail,
}: {
  callbackUrl?: string
  defaultEmail?: string
}) {
  const [pending, startTransition] = useTransition()
  const schema = useMemo(
    () =>
      lazySchemaResolver<Input, Output>(() =>
        import('@/lib/auth/schemas').then(({ signInSchema }) => signInSchema),
      ),
    [],
  )
  const form = useForm<Input, unknown, Output>({
    resolver: schema.resolver,
    defaultValues: { email: defaultEmail ?? '', callbackUrl },
    shouldFocusError: true,
  })
  const { errors } = form.formState

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await requestSignInLink(values)
      if (result && !result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors)) {
          if (messages?.[0])
            form.setError(field as keyof Input, { message: messages[0] }, { shouldFocus: true })
        }
        if (result.formError && Object.keys(result.fieldErrors).length === 0)
          form.setError('root', { message: result.formError })
      }
    }),
  )

  return (
    <form onSubmit={onSubmit} onFocus={schema.preload} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <FormField
        id="email"
        label="Adresse e-mail"
        error={errors.email?.message}
        required
        hint="Nous vous envoyons un lien de connexion, valable 30 minutes."
      >
        <Input type="email" autoComplete="email" inputMode="email" {...form.register('email')} />
      </FormField>
      <Button type="submit" pending={pending} className="w-full">
        Recevoir un lien de connexion
      </Button>
    </form>
  )
}

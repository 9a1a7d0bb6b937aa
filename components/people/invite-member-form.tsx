'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useTransition } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { inviteMemberAction } from '@/app/(equipe)/equipe/membres/actions'
import { ErrorSummary, useErrorSummary } from '@/components/forms/error-summary'
import { Button } from '@/components/ui/button'
import { FieldError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { roleLabels } from '@/lib/auth/roles'
import {
  inviteMemberSchema,
  isOutsideEmailDomains,
  type InviteMemberInput,
  type InviteMemberValues,
  type StaffRole,
} from '@/lib/people/member-schemas'

/** Invites someone by email with a role (a main teacher: with their classes of this year). */
export function InviteMemberForm({
  roles,
  classes,
  yearLabel,
  emailDomains,
}: {
  /** The roles the viewer may give. */
  roles: StaffRole[]
  classes: { id: string; name: string }[]
  yearLabel: string | null
  emailDomains: string[]
}) {
  const form = useForm<InviteMemberInput, unknown, InviteMemberValues>({
    resolver: zodResolver(inviteMemberSchema),
    defaultValues: { email: '', role: '' as StaffRole, classIds: [] },
  })
  const errorSummary = useErrorSummary(form)
  const [pending, startTransition] = useTransition()
  const { errors } = form.formState
  const email = useWatch({ control: form.control, name: 'email' }) ?? ''
  const role = useWatch({ control: form.control, name: 'role' })
  const outside = email.includes('@') && isOutsideEmailDomains(email, emailDomains)

  const submit = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        const result = await inviteMemberAction(values)
        if (!result.ok) return errorSummary.serverFailed(result)
        toast.success(
          result.data.outsideEmailDomains
            ? `Invitation envoyée à ${values.email} (adresse hors des domaines de l’établissement).`
            : `Invitation envoyée à ${values.email}.`,
        )
        form.reset({ email: '', role: values.role, classIds: [] })
      }),
    errorSummary.failed,
  )

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary {...errorSummary.summary} targets={{ classIds: 'invite-classIds' }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="email"
          label="Adresse e-mail"
          error={errors.email?.message}
          required
          hint={
            emailDomains.length > 0
              ? `Adresses professionnelles de l’établissement : ${emailDomains.map((d) => `@${d}`).join(', ')}.`
              : undefined
          }
        >
          <Input type="email" autoComplete="off" inputMode="email" {...form.register('email')} />
        </FormField>
        <FormField id="role" label="Rôle" error={errors.role?.message} required>
          <Select {...form.register('role')}>
            <option value="">Choisissez un rôle</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      {outside ? (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="outside-domains"
        >
          Attention : cette adresse n’est pas sur un domaine de l’établissement (
          {emailDomains.map((d) => `@${d}`).join(', ')}). Vérifiez qu’il s’agit bien de la bonne
          personne ; l’invitation peut tout de même être envoyée.
        </p>
      ) : null}
      {role === 'main_teacher' ? (
        <fieldset
          id="invite-classIds"
          tabIndex={-1}
          aria-describedby={errors.classIds ? 'invite-classIds-error' : undefined}
          className="space-y-2 rounded-md border border-slate-200 p-4"
        >
          <legend className="px-1 font-medium">
            Classes dont la personne sera professeur principal
            {yearLabel ? ` (${yearLabel})` : ''}
          </legend>
          {classes.length === 0 ? (
            <p className="text-sm text-slate-700">
              Aucune classe pour l’année scolaire en cours : les classes doivent d’abord être
              créées.
            </p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-3">
              {classes.map((c) => (
                <li key={c.id} className="flex items-center gap-2">
                  <input
                    id={`invite-class-${c.id}`}
                    type="checkbox"
                    value={c.id}
                    className="size-5 accent-brand-700"
                    {...form.register('classIds')}
                  />
                  <label htmlFor={`invite-class-${c.id}`}>{c.name}</label>
                </li>
              ))}
            </ul>
          )}
          <FieldError id="invite-classIds-error" message={errors.classIds?.message} />
        </fieldset>
      ) : null}
      <Button type="submit" pending={pending}>
        Envoyer l’invitation
      </Button>
    </form>
  )
}

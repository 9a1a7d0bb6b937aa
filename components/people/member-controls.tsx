'use client'

import { useState, useTransition } from 'react'
import type { Role } from '@/db/schema'
import {
  addMemberRoleAction,
  removeMemberAction,
  removeMemberRoleAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '@/app/(equipe)/equipe/membres/actions'
import { roleLabels } from '@/lib/auth/roles'
import type { StaffRole } from '@/lib/people/member-schemas'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
import { ConfirmAction } from './confirm-action'

// The members page's controls, one small client piece each; the server actions check the
// right again ('members.manage') and keep to the establishment of the session.

export function RemoveRoleButton({
  userId,
  person,
  role,
}: {
  userId: string
  person: string
  role: Role
}) {
  return (
    <ConfirmAction
      trigger="Retirer"
      triggerLabel={`Retirer le rôle « ${roleLabels[role]} » à ${person}`}
      title={`Retirer le rôle « ${roleLabels[role]} » à ${person} ?`}
      confirmLabel="Oui, retirer ce rôle"
      run={() => removeMemberRoleAction({ userId, role })}
      done={() => `Rôle « ${roleLabels[role]} » retiré à ${person}.`}
    >
      <p>Ses autres rôles dans l’établissement ne changent pas.</p>
      {role === 'main_teacher' ? (
        <p>Cette personne ne sera plus professeur principal de ses classes ici.</p>
      ) : null}
    </ConfirmAction>
  )
}

export function AddRoleForm({
  userId,
  person,
  roles,
}: {
  userId: string
  person: string
  /** The roles this person does not hold yet and the viewer may give. */
  roles: StaffRole[]
}) {
  const [role, setRole] = useState('')
  const [pending, startTransition] = useTransition()
  if (roles.length === 0) return null
  const id = `add-role-${userId}`
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    if (!role) return toast.error('Choisissez le rôle à ajouter.')
    startTransition(async () => {
      const result = await addMemberRoleAction({ userId, role })
      if (!result.ok) return void toast.error(result.formError ?? 'Ajout impossible.')
      toast.success(`Rôle « ${roleLabels[role as Role]} » ajouté à ${person}.`)
      setRole('')
    })
  }
  return (
    <form onSubmit={submit} className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Rôle à ajouter à {person}
      </label>
      <Select
        id={id}
        value={role}
        onChange={(e) => setRole(e.target.value)}
        className="h-9 w-44 text-sm"
      >
        <option value="">Ajouter un rôle…</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </Select>
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        pending={pending}
        aria-label={`Ajouter ce rôle à ${person}`}
      >
        Ajouter
      </Button>
    </form>
  )
}

export function RemoveMemberButton({
  userId,
  person,
  self = false,
}: {
  userId: string
  person: string
  /** The viewer themselves: they will be signed out too. */
  self?: boolean
}) {
  return (
    <ConfirmAction
      trigger="Retirer de l’établissement"
      triggerLabel={`Retirer ${person} de l’établissement`}
      title={`Retirer ${person} de l’établissement ?`}
      confirmLabel="Oui, retirer cette personne"
      run={() => removeMemberAction({ userId })}
      done={(result) =>
        `${person} a été retiré·e de l’établissement${
          result.data.sessionsEnded > 0 ? ' et déconnecté·e' : ''
        }.`
      }
    >
      <p>
        Tous ses rôles ici lui sont retirés, ainsi que ses classes de professeur principal. Toutes
        ses sessions sont fermées immédiatement, sur tous ses appareils.
      </p>
      <p>
        Si cette personne appartient aussi à d’autres établissements, elle y garde ses rôles : elle
        devra seulement se reconnecter.
      </p>
      {self ? (
        <p className="font-semibold">
          C’est vous : vous n’aurez plus accès à cet établissement et serez déconnecté·e.
        </p>
      ) : null}
    </ConfirmAction>
  )
}

export function ResendInvitationButton({
  invitationId,
  email,
}: {
  invitationId: string
  email: string
}) {
  const [pending, startTransition] = useTransition()
  const resend = () =>
    startTransition(async () => {
      const result = await resendInvitationAction({ invitationId })
      if (result.ok) toast.success(`Nouvelle invitation envoyée à ${email}.`)
      else toast.error(result.formError ?? 'Renvoi impossible.')
    })
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={resend}
      aria-label={`Renvoyer l’invitation à ${email}`}
    >
      Renvoyer
    </Button>
  )
}

export function RevokeInvitationButton({
  invitationId,
  email,
}: {
  invitationId: string
  email: string
}) {
  return (
    <ConfirmAction
      trigger="Retirer"
      triggerLabel={`Retirer l’invitation de ${email}`}
      title={`Retirer l’invitation de ${email} ?`}
      confirmLabel="Oui, retirer l’invitation"
      run={() => revokeInvitationAction({ invitationId })}
      done={() => `Invitation de ${email} retirée.`}
    >
      <p>Le lien envoyé ne fonctionnera plus. Vous pourrez inviter cette personne à nouveau.</p>
    </ConfirmAction>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { eq } from 'drizzle-orm'
import { db } from '@/db'
import { establishments } from '@/db/schema'
import { roleLabels } from '@/lib/auth/roles'
import { requireStaff } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { invitableClasses } from '@/lib/people/invitable-classes'
import { mayGrantRole } from '@/lib/people/member-rules'
import { isStaffRole, staffRoles } from '@/lib/people/member-schemas'
import { listMembers } from '@/lib/people/members'
import { pendingStaffInvitations } from '@/lib/people/staff-invitations'
import { InviteMemberForm } from '@/components/people/invite-member-form'
import {
  AddRoleForm,
  RemoveMemberButton,
  RemoveRoleButton,
  ResendInvitationButton,
  RevokeInvitationButton,
} from '@/components/people/member-controls'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Membres' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

// The establishment's staff (head and admins): who holds which roles, invitations, and the
// controls to change them for those who may ('members.manage'; every action checks it again).
export default async function MembersPage({ searchParams }: { searchParams: SearchParams }) {
  const context = await requireStaff('members.view', { callbackUrl: '/equipe/membres' })
  const params = await searchParams
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : ''
  const rawPage = Number(params.page)
  const page = Number.isInteger(rawPage) && rawPage > 1 ? rawPage : 1
  const manage = context.may('members.manage')
  const [members, pending, invitable, [establishment]] = await Promise.all([
    listMembers(db, context.establishmentId, { q, page }),
    manage ? pendingStaffInvitations(db, context.establishmentId) : Promise.resolve([]),
    manage
      ? invitableClasses(db, context.establishmentId)
      : Promise.resolve({ yearLabel: null, classes: [] }),
    db
      .select({ emailDomains: establishments.emailDomains })
      .from(establishments)
      .where(eq(establishments.id, context.establishmentId)),
  ])
  const grantable = staffRoles.filter((r) => mayGrantRole(context.roles, r))
  const now = new Date()
  const pageHref = (n: number) => {
    const query = new URLSearchParams()
    if (q) query.set('q', q)
    if (n > 1) query.set('page', String(n))
    const s = query.toString()
    return `/equipe/membres${s ? `?${s}` : ''}`
  }

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Membres de l’établissement</h1>
        <p className="mt-1 text-slate-600">{context.membership.establishmentName}</p>
      </div>

      {manage ? (
        <section aria-labelledby="invite-title" className="space-y-3">
          <h2 id="invite-title" className="text-lg font-semibold">
            Inviter une personne
          </h2>
          <p className="text-sm text-slate-600">
            La personne reçoit un lien personnel, valable 14 jours et utilisable une fois, pour
            rejoindre l’établissement avec ce rôle.
          </p>
          <InviteMemberForm
            roles={grantable}
            classes={invitable.classes}
            yearLabel={invitable.yearLabel}
            emailDomains={establishment?.emailDomains ?? []}
          />
        </section>
      ) : null}

      {manage ? (
        <section aria-labelledby="pending-title" className="space-y-3">
          <h2 id="pending-title" className="text-lg font-semibold">
            Invitations en attente
          </h2>
          {pending.length === 0 ? (
            <EmptyState title="Aucune invitation en attente." />
          ) : (
            <Table caption="Invitations envoyées, pas encore acceptées">
              <THead>
                <Tr>
                  <Th>E-mail</Th>
                  <Th>Rôle</Th>
                  <Th>Envoyée</Th>
                  <Th>Valable jusqu’au</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {pending.map((invitation) => (
                  <Tr key={invitation.id}>
                    <Td className="break-all">{invitation.email}</Td>
                    <Td>
                      {roleLabels[invitation.role]}
                      {invitation.classNames.length > 0 ? (
                        <span className="block text-xs text-slate-600">
                          {invitation.classNames.join(', ')}
                        </span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {formatDate(invitation.createdAt)}
                      {invitation.invitedBy ? (
                        <span className="block text-xs text-slate-600">
                          par {invitation.invitedBy}
                        </span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {invitation.expiresAt <= now ? (
                        <Badge tone="warning">Expirée</Badge>
                      ) : (
                        formatDate(invitation.expiresAt)
                      )}
                    </Td>
                    <Td>
                      <div className="flex flex-wrap gap-2">
                        <ResendInvitationButton
                          invitationId={invitation.id}
                          email={invitation.email}
                        />
                        <RevokeInvitationButton
                          invitationId={invitation.id}
                          email={invitation.email}
                        />
                      </div>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      ) : null}

      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-lg font-semibold">
          Équipe ({members.total})
        </h2>
        <form role="search" action="/equipe/membres" className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor="members-q" className="block text-sm font-medium">
              Rechercher un membre (nom ou e-mail)
            </label>
            <Input id="members-q" name="q" type="search" defaultValue={q} className="w-72" />
          </div>
          <Button type="submit" variant="secondary">
            Rechercher
          </Button>
          {q ? (
            <Link
              href="/equipe/membres"
              className="py-2 text-sm font-medium text-brand-700 underline"
            >
              Tout afficher
            </Link>
          ) : null}
        </form>
        {members.rows.length === 0 ? (
          <EmptyState title={q ? 'Aucun membre ne correspond.' : 'Aucun membre.'} />
        ) : (
          <Table caption="Membres et rôles">
            <THead>
              <Tr>
                <Th>Nom</Th>
                <Th>E-mail</Th>
                <Th>Rôles</Th>
                <Th>Depuis</Th>
                {manage ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </Tr>
            </THead>
            <TBody>
              {members.rows.map((m) => {
                const person = m.name ?? m.email
                const staff = m.roles.filter(isStaffRole)
                const self = m.userId === context.user.id
                return (
                  <Tr key={m.userId}>
                    <Td>
                      {m.name ?? '—'}
                      {self ? <span className="block text-xs text-slate-600">(vous)</span> : null}
                    </Td>
                    <Td className="break-all">{m.email}</Td>
                    <Td>
                      <ul className="space-y-1">
                        {m.roles.map((role) => (
                          <li key={role} className="flex flex-wrap items-center gap-2">
                            <Badge tone={role === 'head' || role === 'admin' ? 'info' : 'neutral'}>
                              {roleLabels[role]}
                            </Badge>
                            {role === 'main_teacher' && m.classNames.length > 0 ? (
                              <span className="text-xs text-slate-600">
                                {m.classNames.join(', ')}
                              </span>
                            ) : null}
                            {manage && isStaffRole(role) && m.roles.length > 1 ? (
                              <RemoveRoleButton userId={m.userId} person={person} role={role} />
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDate(m.since)}</Td>
                    {manage ? (
                      <Td>
                        <div className="flex flex-col items-start gap-2">
                          <AddRoleForm
                            userId={m.userId}
                            person={person}
                            roles={grantable.filter((r) => !staff.includes(r))}
                          />
                          <RemoveMemberButton userId={m.userId} person={person} self={self} />
                        </div>
                      </Td>
                    ) : null}
                  </Tr>
                )
              })}
            </TBody>
          </Table>
        )}
        {members.pageCount > 1 ? (
          <nav aria-label="Pages des membres" className="flex flex-wrap items-center gap-4 text-sm">
            {members.page > 1 ? (
              <Link
                href={pageHref(members.page - 1)}
                className="font-medium text-brand-700 underline"
              >
                Page précédente
              </Link>
            ) : null}
            <span>
              Page {members.page} sur {members.pageCount}
            </span>
            {members.page < members.pageCount ? (
              <Link
                href={pageHref(members.page + 1)}
                className="font-medium text-brand-700 underline"
              >
                Page suivante
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  )
}

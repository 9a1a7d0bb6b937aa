import type { Metadata } from 'next'
import { db } from '@/db'
import { roleLabels } from '@/lib/auth/roles'
import { rolesFor } from '@/lib/auth/permissions'
import { requireMembership } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { membersOfEstablishment } from '@/lib/people/memberships'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Membres' }

export default async function MembersPage() {
  const { membership } = await requireMembership(rolesFor('members.view'), {
    callbackUrl: '/equipe/membres',
  })
  const members = await membersOfEstablishment(db, membership.establishmentId)
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Membres de l’établissement</h1>
      {members.length === 0 ? (
        <EmptyState title="Aucun membre." />
      ) : (
        <Table caption="Membres et rôles">
          <THead>
            <Tr>
              <Th>Nom</Th>
              <Th>E-mail</Th>
              <Th>Rôle</Th>
              <Th>Depuis</Th>
            </Tr>
          </THead>
          <TBody>
            {members.map((m) => (
              <Tr key={m.id}>
                <Td>{m.name ?? '—'}</Td>
                <Td className="break-all">{m.email}</Td>
                <Td>{roleLabels[m.role]}</Td>
                <Td>{formatDate(m.since)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { auditPage } from '@/lib/audit/queries'
import { rolesFor } from '@/lib/auth/permissions'
import { requireMembership } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Journal d’audit' }

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const { membership } = await requireMembership(rolesFor('audit.view'), { callbackUrl: '/equipe/journal' })
  const before = Number((await searchParams).avant)
  const page = await auditPage(db, membership.establishmentId, { beforeId: Number.isInteger(before) && before > 0 ? before : undefined })
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Journal d’audit</h1>
      {page.rows.length === 0 ? (
        <EmptyState title="Aucune entrée dans le journal.">Chaque changement d’état, décision et export y sera consigné.</EmptyState>
      ) : (
        <Table caption="Journal d’audit de l’établissement">
          <THead>
            <Tr>
              <Th>Date</Th>
              <Th>Qui</Th>
              <Th>Action</Th>
              <Th>Objet</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((row) => (
              <Tr key={row.id}>
                <Td className="whitespace-nowrap">{formatDateTime(row.createdAt)}</Td>
                <Td className="break-all">{row.actorEmail ?? row.actorLabel ?? 'Système'}</Td>
                <Td>{row.action}</Td>
                <Td className="font-mono text-xs">
                  {row.subjectType} {row.subjectId.slice(0, 8)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {page.nextBeforeId ? (
        <Link href={`/equipe/journal?avant=${page.nextBeforeId}`} className="text-sm font-medium text-brand-700 underline">
          Entrées plus anciennes
        </Link>
      ) : null}
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { auditActionLabels, auditSubjectLabels } from '@/lib/audit/labels'
import {
  auditPage,
  describeChange,
  parseAuditFilters,
  type AuditFilters,
} from '@/lib/audit/queries'
import { requireStaff } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Journal d’audit' }

function query(filters: AuditFilters, patch: Partial<AuditFilters>) {
  const out = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...filters, ...patch }))
    if (v !== undefined && v !== '') out.set(k, String(v))
  const s = out.toString()
  return s ? `?${s}` : ''
}

// Who did what, when, before → after: every state change, decision, verdict, export and
// reading of a recommendation, filtered by action, person, object and dates.
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { membership } = await requireStaff('audit.view', {
    callbackUrl: '/equipe/journal',
  })
  const filters = parseAuditFilters(await searchParams)
  const page = await auditPage(db, membership.establishmentId, filters)
  const filtered = Boolean(
    filters.action || filters.qui || filters.objet || filters.id || filters.du || filters.au,
  )
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Journal d’audit</h1>
      <form
        method="get"
        role="search"
        aria-label="Filtrer le journal"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <div className="space-y-1">
          <label htmlFor="audit-action" className="block text-sm font-semibold">
            Action
          </label>
          <Select id="audit-action" name="action" defaultValue={filters.action}>
            <option value="">Toutes</option>
            {Object.entries(auditActionLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-qui" className="block text-sm font-semibold">
            Qui (e-mail)
          </label>
          <Input id="audit-qui" name="qui" type="search" defaultValue={filters.qui} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-objet" className="block text-sm font-semibold">
            Objet
          </label>
          <Select id="audit-objet" name="objet" defaultValue={filters.objet}>
            <option value="">Tous</option>
            {Object.entries(auditSubjectLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-id" className="block text-sm font-semibold">
            Identifiant de l’objet
          </label>
          <Input id="audit-id" name="id" defaultValue={filters.id} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-du" className="block text-sm font-semibold">
            Du
          </label>
          <Input id="audit-du" name="du" type="date" defaultValue={filters.du} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-au" className="block text-sm font-semibold">
            Au
          </label>
          <Input id="audit-au" name="au" type="date" defaultValue={filters.au} />
        </div>
        <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClasses('primary', 'sm')}>
            Filtrer
          </button>
          {filtered ? (
            <Link href="/equipe/journal" className="text-sm font-medium text-brand-700 underline">
              Effacer les filtres
            </Link>
          ) : null}
        </div>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState
          title={
            filtered
              ? 'Aucune entrée ne correspond à ces filtres.'
              : 'Aucune entrée dans le journal.'
          }
        >
          Chaque changement d’état, décision, vérification de pièce et export y est consigné.
        </EmptyState>
      ) : (
        <Table caption="Journal d’audit de l’établissement">
          <THead>
            <Tr>
              <Th>Date</Th>
              <Th>Qui</Th>
              <Th>Action</Th>
              <Th>Objet</Th>
              <Th>Avant → après</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((row) => (
              <Tr key={row.id}>
                <Td className="whitespace-nowrap">{formatDateTime(row.createdAt)}</Td>
                <Td className="break-all">{row.actorEmail ?? row.actorLabel ?? 'Système'}</Td>
                <Td>{auditActionLabels[row.action] ?? row.action}</Td>
                <Td className="whitespace-nowrap">
                  {auditSubjectLabels[row.subjectType] ?? row.subjectType}{' '}
                  <Link
                    href={`/equipe/journal${query(filters, { objet: row.subjectType, id: row.subjectId, avant: undefined })}`}
                    className="font-mono text-xs text-brand-700 underline"
                    title="Tout l’historique de cet objet"
                  >
                    {row.subjectId.slice(0, 8)}
                  </Link>
                </Td>
                <Td className="max-w-md text-xs break-words text-slate-700">
                  {describeChange(row.before, row.after)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {page.nextBeforeId ? (
        <Link
          href={`/equipe/journal${query(filters, { avant: page.nextBeforeId })}`}
          className="text-sm font-medium text-brand-700 underline"
        >
          Entrées plus anciennes
        </Link>
      ) : null}
    </div>
  )
}

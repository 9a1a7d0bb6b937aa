import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { PlatformNav } from '@/components/establishments/platform-nav'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { requirePlatformAdmin } from '@/lib/auth/platform'
import { searchEstablishments } from '@/lib/establishments/creation'
import { establishmentKindLabels } from '@/lib/establishments/kinds'
import { countAwaitingApproval } from '@/lib/establishments/registrations'
import { formatDate } from '@/lib/format'
import { queryText } from '@/lib/validation/text'

export const metadata: Metadata = { title: 'Plateforme : établissements' }

const pageOf = (value: unknown) => {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : 1
}

export default async function PlatformPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>
}) {
  await requirePlatformAdmin('/plateforme')
  const params = await searchParams
  const query = queryText(100).parse(params.q ?? '')
  const [{ rows, total, page, pages }, awaiting] = await Promise.all([
    searchEstablishments(db, { query, page: pageOf(params.page) }),
    countAwaitingApproval(db),
  ])
  const href = (p: number) =>
    `/plateforme?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Établissements de la plateforme</h1>
      <PlatformNav awaiting={awaiting} />
      <form role="search" className="flex flex-wrap items-end gap-3" action="/plateforme">
        <div className="min-w-64 flex-1 space-y-1.5">
          <Label htmlFor="q">Rechercher (nom, commune, code postal ou UAI)</Label>
          <Input id="q" name="q" type="search" defaultValue={query} />
        </div>
        <button type="submit" className={buttonClasses('secondary', 'md')}>
          Rechercher
        </button>
      </form>
      <p className="text-sm text-slate-700" role="status">
        {total} établissement{total > 1 ? 's' : ''}
        {query ? ` pour « ${query} »` : ''}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="Aucun établissement.">
          {query ? 'Essayez un autre terme.' : 'Créez le premier, ou validez une inscription.'}
        </EmptyState>
      ) : (
        <Table caption="Établissements de la plateforme">
          <THead>
            <Tr>
              <Th>Nom</Th>
              <Th>UAI</Th>
              <Th>Type</Th>
              <Th>Commune</Th>
              <Th>Chef d’établissement</Th>
              <Th>Créé le</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <Tr key={row.id}>
                <Td className="font-medium">{row.name}</Td>
                <Td>{row.uai}</Td>
                <Td>{row.kind ? establishmentKindLabels[row.kind] : '—'}</Td>
                <Td>
                  {row.postcode ? `${row.postcode} ` : ''}
                  {row.city}
                </Td>
                <Td>{row.heads > 0 ? 'Oui' : 'Pas encore'}</Td>
                <Td>{formatDate(row.createdAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {page > 1 ? (
            <Link href={href(page - 1)} className="text-brand-700 underline">
              Page précédente
            </Link>
          ) : null}
          <span>
            Page {page} sur {pages}
          </span>
          {page < pages ? (
            <Link href={href(page + 1)} className="text-brand-700 underline">
              Page suivante
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  )
}

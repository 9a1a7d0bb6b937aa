import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { requireStaff } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format'
import { formatWait, outboxFailures, outboxHealth } from '@/lib/mail/outbox-health'
import { RETRY_WINDOW_MS } from '@/lib/mail/backoff'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { RequeueAllButton, RequeueEmailButton } from './requeue-buttons'

export const metadata: Metadata = { title: 'Courriels' }

const windowDays = Math.round(RETRY_WINDOW_MS / (24 * 3600_000))

// The outbox's health for the admin's establishment: what waits, since when, what failed and
// why; failed emails (an outage outlasted the retry window) can be sent again from here.
export default async function OutboxHealthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { membership } = await requireStaff('outbox.manage', {
    callbackUrl: '/equipe/courriels',
  })
  const rawPage = Number((await searchParams).page)
  const page = Number.isInteger(rawPage) && rawPage > 1 ? rawPage : 1
  const [health, failures] = await Promise.all([
    outboxHealth(db, membership.establishmentId),
    outboxFailures(db, membership.establishmentId, page),
  ])
  const now = new Date()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Courriels</h1>
        <p className="mt-1 text-sm text-slate-600">
          Les courriels envoyés au nom de {membership.establishmentName} (les liens de connexion,
          communs à tous les établissements, n’y figurent pas). Une panne du fournisseur retarde les
          envois : chacun est retenté pendant {windowDays} jours, au moins une fois par heure.
        </p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">En attente d’envoi</dt>
          <dd className="text-2xl font-bold" data-testid="outbox-pending">
            {health.pending}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Attente du plus ancien</dt>
          <dd className="text-2xl font-bold">
            {health.oldestPendingAt
              ? formatWait(now.getTime() - health.oldestPendingAt.getTime())
              : '—'}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">En échec (à renvoyer)</dt>
          <dd className="text-2xl font-bold" data-testid="outbox-failed">
            {health.failed}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Refusés définitivement</dt>
          <dd className="text-2xl font-bold" data-testid="outbox-dead">
            {health.dead}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="failures-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="failures-title" className="text-lg font-semibold">
            Échecs récents
          </h2>
          {health.failed > 0 ? <RequeueAllButton count={health.failed} /> : null}
        </div>
        {failures.rows.length === 0 ? (
          <EmptyState title={page > 1 ? 'Aucun échec sur cette page.' : 'Aucun courriel en échec.'}>
            Un courriel « en échec » a subi une panne plus longue que {windowDays} jours ; un
            courriel « refusé » l’a été définitivement par le fournisseur (adresse invalide).
          </EmptyState>
        ) : (
          <Table caption="Courriels en échec ou refusés, du plus récent au plus ancien">
            <THead>
              <Tr>
                <Th>Destinataire</Th>
                <Th>Objet</Th>
                <Th>État</Th>
                <Th>Dernière erreur</Th>
                <Th>Créé le</Th>
                <Th>
                  <span className="sr-only">Action</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {failures.rows.map((row) => (
                <Tr key={row.id}>
                  <Td className="break-all">{row.toAddress}</Td>
                  <Td>{row.subject}</Td>
                  <Td className="whitespace-nowrap">
                    {row.status === 'failed' ? (
                      <Badge tone="warning">En échec</Badge>
                    ) : (
                      <Badge tone="danger">Refusé</Badge>
                    )}
                    <span className="block text-xs text-slate-600">
                      {row.attempts} essai{row.attempts > 1 ? 's' : ''}, le dernier le{' '}
                      {formatDateTime(row.failedAt)}
                    </span>
                  </Td>
                  <Td className="max-w-xs text-xs break-words text-slate-700">
                    {row.lastError ?? '—'}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(row.createdAt)}</Td>
                  <Td>
                    {row.status === 'failed' ? (
                      <RequeueEmailButton emailId={row.id} recipient={row.toAddress} />
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {page > 1 || failures.hasMore ? (
          <nav aria-label="Pages des échecs" className="flex gap-4 text-sm">
            {page > 1 ? (
              <Link
                href={page === 2 ? '/equipe/courriels' : `/equipe/courriels?page=${page - 1}`}
                className="font-medium text-brand-700 underline"
              >
                Échecs plus récents
              </Link>
            ) : null}
            {failures.hasMore ? (
              <Link
                href={`/equipe/courriels?page=${page + 1}`}
                className="font-medium text-brand-700 underline"
              >
                Échecs plus anciens
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  )
}

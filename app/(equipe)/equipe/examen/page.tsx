import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { stateLabels, stateTone } from '@/lib/admissions/application-status'
import { reviewerQueue } from '@/lib/admissions/review-scoring'
import { requireStaff } from '@/lib/auth/session'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Mes évaluations' }

// The files assigned to the signed-in reviewer, those still to score first.
export default async function ReviewerQueuePage() {
  const { membership, user } = await requireStaff('reviews.score', {
    callbackUrl: '/equipe/examen',
  })
  const queue = await reviewerQueue(db, user.id, membership.establishmentId)
  const todo = queue.filter((q) => !q.completedAt).length
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Mes évaluations</h1>
        <p className="text-slate-600">
          {queue.length === 0
            ? 'Aucun dossier ne vous est confié.'
            : `${todo} dossier${todo > 1 ? 's' : ''} à évaluer sur ${queue.length}.`}
        </p>
      </div>
      {queue.length === 0 ? (
        <EmptyState title="Aucun dossier à évaluer pour l’instant.">
          La coordination vous confiera des dossiers depuis la page de la commission.
        </EmptyState>
      ) : (
        <Table caption="Dossiers qui me sont confiés">
          <THead>
            <Tr>
              <Th>Candidat</Th>
              <Th>Formation</Th>
              <Th>Statut du dossier</Th>
              <Th>Mon évaluation</Th>
            </Tr>
          </THead>
          <TBody>
            {queue.map((q) => (
              <Tr key={q.applicationId}>
                <Td>
                  <Link
                    href={`/equipe/candidatures/${q.applicationId}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {[q.lastName?.toUpperCase(), q.firstName].filter(Boolean).join(' ') ||
                      'Sans nom'}
                  </Link>
                </Td>
                <Td>
                  {q.programmeName} <span className="text-slate-600">· {q.campaignName}</span>
                </Td>
                <Td>
                  <Badge tone={stateTone[q.status]}>{stateLabels[q.status]}</Badge>
                </Td>
                <Td>
                  {q.completedAt ? (
                    <Badge tone="success">Terminée</Badge>
                  ) : (
                    <Badge tone="warning">À faire</Badge>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { campaignPhase, listEstablishmentCampaigns } from '@/lib/admissions/campaigns'
import { requireStaff } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EstablishmentSettingsForm } from '@/components/establishments/establishment-settings-form'
import { establishmentSettings } from '@/lib/establishments/settings'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Campagnes' }

const phaseLabel = { upcoming: 'À venir', open: 'Ouverte', closed: 'Close' } as const

export default async function CampaignsPage() {
  const { membership, may } = await requireStaff('campaigns.view', {
    callbackUrl: '/equipe/campagnes',
  })
  const campaigns = await listEstablishmentCampaigns(db, membership.establishmentId)
  const canEdit = may('campaigns.edit')
  const settings = may('establishment.edit')
    ? await establishmentSettings(db, membership.establishmentId)
    : null
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Campagnes de candidature</h1>
        {canEdit ? (
          <Link href="/equipe/campagnes/nouvelle" className={buttonClasses('primary', 'md')}>
            Nouvelle campagne
          </Link>
        ) : null}
      </div>
      {campaigns.length === 0 ? (
        <EmptyState title="Aucune campagne pour l’instant.">
          {canEdit
            ? 'Créez la première : la formation, le calendrier et les recommandations demandées.'
            : null}
        </EmptyState>
      ) : (
        <Table caption="Campagnes de candidature de l’établissement">
          <THead>
            <Tr>
              <Th>Formation</Th>
              <Th>Département</Th>
              <Th>Campagne</Th>
              <Th>Ouverture</Th>
              <Th>Clôture</Th>
              <Th>Recommandations</Th>
              <Th>État</Th>
              <Th>Commission</Th>
            </Tr>
          </THead>
          <TBody>
            {campaigns.map((c) => (
              <Tr key={c.id}>
                <Td className="font-medium">
                  {canEdit ? (
                    <Link href={`/equipe/campagnes/${c.id}`} className="text-brand-700 underline">
                      {c.programmeName}
                    </Link>
                  ) : (
                    c.programmeName
                  )}
                </Td>
                <Td>{c.departmentName ?? '—'}</Td>
                <Td>{c.name}</Td>
                <Td>{formatDate(c.opensAt)}</Td>
                <Td>{formatDate(c.closesAt)}</Td>
                <Td>
                  {c.requiredRecommendations} (avant le {formatDate(c.recommendationDeadline)})
                </Td>
                <Td>
                  <Badge>{phaseLabel[campaignPhase(c)]}</Badge>
                </Td>
                <Td>
                  <Link
                    href={`/equipe/campagnes/${c.id}/commission`}
                    className="text-brand-700 underline"
                  >
                    Classement et décisions<span className="sr-only"> — {c.programmeName}</span>
                  </Link>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {settings ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Réglages de l’établissement</h2>
          <EstablishmentSettingsForm
            defaultValues={{ maxApplicationsPerCandidate: settings.maxApplicationsPerCandidate }}
          />
        </Card>
      ) : null}
    </div>
  )
}

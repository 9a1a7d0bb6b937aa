import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { campaignPhase, listEstablishmentCampaigns } from '@/lib/admissions/campaigns'
import { roleLabels } from '@/lib/auth/roles'
import { rolesFor } from '@/lib/auth/permissions'
import { mayInCurrent, requireMembership } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { Badge } from '@/components/ui/badge'
import { Card, CardDescription, CardTitle } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export const metadata: Metadata = { title: 'Tableau de bord' }

const phaseLabel = { upcoming: 'À venir', open: 'Ouverte', closed: 'Close' } as const
const phaseTone = { upcoming: 'info', open: 'success', closed: 'neutral' } as const

export default async function TeamDashboardPage() {
  const { membership, viewer } = await requireMembership(rolesFor('team.dashboard'), {
    callbackUrl: '/equipe',
  })
  const campaigns = await listEstablishmentCampaigns(db, membership.establishmentId)
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{membership.establishmentName}</h1>
        <p className="text-slate-600">Espace équipe · {roleLabels[membership.role]}</p>
      </div>
      <section aria-labelledby="campagnes" className="space-y-3">
        <h2 id="campagnes" className="text-lg font-semibold">
          Campagnes de candidature
        </h2>
        {campaigns.length === 0 ? (
          <EmptyState title="Aucune campagne pour l’instant." />
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {campaigns.map((c) => {
              const phase = campaignPhase(c)
              return (
                <li key={c.id}>
                  <Card>
                    <div className="flex items-start justify-between gap-2">
                      <CardTitle>{c.programmeName}</CardTitle>
                      <Badge tone={phaseTone[phase]}>{phaseLabel[phase]}</Badge>
                    </div>
                    <CardDescription>
                      {c.name} · du {formatDate(c.opensAt)} au {formatDate(c.closesAt)}
                    </CardDescription>
                  </Card>
                </li>
              )
            })}
          </ul>
        )}
        {/* Only for those who may open the campaigns page (a tutor may not). */}
        {mayInCurrent(viewer, 'campaigns.view') ? (
          <Link
            href="/equipe/campagnes"
            className="inline-block text-sm font-medium text-brand-700 underline"
          >
            Voir toutes les campagnes
          </Link>
        ) : null}
      </section>
    </div>
  )
}

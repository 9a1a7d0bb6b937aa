import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { campaignPhase, listEstablishmentCampaigns } from '@/lib/admissions/campaigns'
import { roleLabels } from '@/lib/auth/roles'
import { rolesFor } from '@/lib/auth/permissions'
import { mayInCurrent, requireMembership } from '@/lib/auth/session'
import { staffContextOf } from '@/lib/auth/staff-context'
import { formatDate } from '@/lib/format'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { classProgress, studentSituations } from '@/lib/school/dashboards'
import { MainTeacherOverview, SchoolOverview } from '@/components/school/school-dashboard'
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
  // Dashboards by role (issue 11, item 6): the school's classes for the head and the other
  // staff, a main teacher's own classes and pupils; admissions roles keep their campaigns.
  const context = staffContextOf(viewer, 'team.dashboard')
  const school = context.may('school.dashboard')
    ? 'all'
    : context.may('students.view-own')
      ? 'own'
      : null
  const scope = schoolScopeOf(context)
  const showCampaigns = !school || context.may('campaigns.view')
  const [campaigns, classes, students] = await Promise.all([
    showCampaigns ? listEstablishmentCampaigns(db, membership.establishmentId) : [],
    school ? classProgress(db, scope) : [],
    school === 'own' ? studentSituations(db, scope) : [],
  ])
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{membership.establishmentName}</h1>
        <p className="text-slate-600">Espace équipe · {roleLabels[membership.role]}</p>
      </div>
      {school === 'all' ? <SchoolOverview classes={classes} /> : null}
      {school === 'own' ? <MainTeacherOverview classes={classes} students={students} /> : null}
      {showCampaigns ? (
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
      ) : null}
    </div>
  )
}

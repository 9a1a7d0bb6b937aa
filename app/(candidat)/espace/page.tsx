import type { Metadata } from 'next'
import { stateLabels, stateTone } from '@/lib/admissions/application-status'
import { acceptsRecommendations } from '@/lib/recommendations/application-window'
import Link from 'next/link'
import { db } from '@/db'
import { candidateApplications } from '@/lib/admissions/candidate-dashboard'
import { requireViewer } from '@/lib/auth/session'
import { formatDate, formatDateTime } from '@/lib/format'
import {
  canReplace,
  canResend,
  displayStatusLabels,
  displayStatusTone,
} from '@/lib/recommendations/request-status'
import { ReplaceRecommender, ResendButton } from '@/components/candidate/request-actions'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export const metadata: Metadata = { title: 'Mon espace' }

export default async function CandidateSpacePage({
  searchParams,
}: {
  searchParams: Promise<{ depot?: string }>
}) {
  const viewer = await requireViewer('/espace')
  const apps = await candidateApplications(db, viewer.user.id)
  const justSubmitted = (await searchParams).depot === 'ok'
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Mon espace</h1>
        <p className="break-all text-slate-600">{viewer.user.email}</p>
      </div>
      {justSubmitted ? (
        <div
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
        >
          Candidature déposée. Vos recommandants viennent de recevoir leur demande ; vous serez
          prévenu(e) de chaque réponse.
        </div>
      ) : null}
      <section aria-labelledby="mes-candidatures" className="space-y-4">
        <h2 id="mes-candidatures" className="text-lg font-semibold">
          Mes candidatures
        </h2>
        {apps.length === 0 ? (
          <EmptyState
            title="Vous n’avez pas encore de candidature."
            action={
              <Link href="/" className={buttonClasses('primary')}>
                Voir les candidatures ouvertes
              </Link>
            }
          />
        ) : (
          apps.map((app) => (
            <Card key={app.id} className="space-y-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h3 className="text-lg font-semibold">{app.programmeName}</h3>
                  <p className="text-sm text-slate-600">
                    {app.establishmentName} · {app.campaignName}
                  </p>
                </div>
                <Badge tone={stateTone[app.status]}>{stateLabels[app.status]}</Badge>
              </div>
              {app.status === 'draft' ? (
                <p className="text-sm">
                  Brouillon enregistré le {formatDateTime(app.updatedAt)}. Dépôt possible jusqu’au{' '}
                  {formatDate(app.closesAt)}.{' '}
                  <Link
                    className="font-medium text-brand-700 underline"
                    href={`/candidature/${app.campaignId}`}
                  >
                    Reprendre ma candidature
                  </Link>
                </p>
              ) : null}
              {app.status !== 'draft' ? (
                <p className="text-sm">
                  <Link
                    className="font-medium text-brand-700 underline"
                    href={`/espace/candidatures/${app.id}`}
                  >
                    {/* The visible words start the link's name (WCAG 2.5.3); the programme tells links apart. */}
                    Suivre cette candidature<span className="sr-only"> en {app.programmeName}</span>
                  </Link>{' '}
                  <span className="text-slate-600">(pièces, historique, décision)</span>
                </p>
              ) : null}
              {acceptsRecommendations(app.status) && app.requests.length > 0 ? (
                <div className="space-y-2">
                  <p className="text-sm">
                    Déposée le {app.submittedAt ? formatDateTime(app.submittedAt) : '—'}. Les
                    recommandations sont attendues avant le{' '}
                    <strong>{formatDate(app.recommendationDeadline)}</strong>.
                  </p>
                  <h4 className="font-semibold">Recommandations</h4>
                  <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
                    {app.requests.map((r) => (
                      <li
                        key={r.id}
                        className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between"
                        data-testid="recommendation-request"
                      >
                        <div className="min-w-0">
                          <p className="font-medium">
                            {r.name}{' '}
                            <span className="font-normal text-slate-600">· {r.position}</span>
                          </p>
                          <p className="truncate text-sm text-slate-600">{r.email}</p>
                          {r.status === 'declined' && r.declineReason ? (
                            <p className="text-sm text-amber-900">Motif : {r.declineReason}</p>
                          ) : null}
                        </div>
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone={displayStatusTone[r.status]}>
                            {displayStatusLabels[r.status]}
                          </Badge>
                          {canResend(r.status) ? (
                            <ResendButton
                              requestId={r.id}
                              disabledReason={
                                r.nextResendAt === 'never'
                                  ? 'Nombre maximal de relances atteint'
                                  : r.nextResendAt
                                    ? `Prochaine relance possible le ${formatDateTime(r.nextResendAt)}`
                                    : undefined
                              }
                            />
                          ) : null}
                          {canReplace(r.status) ? (
                            <ReplaceRecommender requestId={r.id} currentName={r.name} />
                          ) : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </Card>
          ))
        )}
      </section>
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden, notFound } from 'next/navigation'
import { db } from '@/db'
import { requireStaff } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { maySeeClasses, schoolScopeOf } from '@/lib/school/class-scope'
import { consentStatusLabels, consentStatusTone } from '@/lib/school/consent-status'
import {
  classInScope,
  percent,
  rosterCounts,
  studentSituations,
  type StudentSituation,
} from '@/lib/school/dashboards'
import { isUuid } from '@/lib/validation/uuid'
import { Figure, ProgressBar } from '@/components/school/figures'
import { StudentConsentActions } from '@/components/school/student-consent-actions'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'

export const metadata: Metadata = { title: 'Classe' }

const filters = {
  tous: { label: 'Tous les élèves', keep: () => true },
  'sans-autorisation': {
    label: 'Sans autorisation en vigueur',
    keep: (s: StudentSituation) => s.minor && s.consent !== 'in_force',
  },
} as const
type Filter = keyof typeof filters

export default async function ClassPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ filtre?: string }>
}) {
  const { id } = await params
  const context = await requireStaff('team.dashboard', { callbackUrl: `/equipe/classes/${id}` })
  if (!maySeeClasses(context)) forbidden()
  if (!isUuid(id)) notFound()
  // A main teacher reaches their own classes only: the same 404 for the others.
  const scope = schoolScopeOf(context)
  const schoolClass = await classInScope(db, scope, id)
  if (!schoolClass) notFound()
  const rows = await studentSituations(db, scope, { classId: id })
  const counts = rosterCounts(rows)
  const requested = (await searchParams).filtre
  const filter: Filter = requested && requested in filters ? (requested as Filter) : 'tous'
  const shown = rows.filter(filters[filter].keep)
  const manage = context.may('consents.manage')
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-700">
          <Link href="/equipe" className="text-brand-700 underline">
            Tableau de bord
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{schoolClass.name}</h1>
        <p className="text-slate-700">
          Année {schoolClass.schoolYearLabel}
          {schoolClass.level ? ` · niveau ${schoolClass.level}` : ''}
          {schoolClass.internshipsEnabled ? ' · stages ouverts' : ''}
        </p>
      </div>
      <section aria-labelledby="chiffres" className="space-y-3">
        <h2 id="chiffres" className="text-lg font-semibold">
          Où en est la classe
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Figure value={counts.students} label="élèves" />
          <Figure value={counts.accounts} label="comptes activés" />
          <Figure value={counts.inForce} label="autorisations en vigueur" tone="success" />
          <Figure
            value={counts.missing + counts.requested}
            label={`mineurs sans autorisation (dont ${counts.requested} demandée${counts.requested > 1 ? 's' : ''})`}
            tone={counts.missing + counts.requested > 0 ? 'warning' : 'neutral'}
          />
        </dl>
        <ProgressBar
          percent={percent(counts.ready, counts.students)}
          label="Élèves prêts (compte activé, autorisation si mineur)"
        />
        {counts.unknownBirthDates > 0 ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {counts.unknownBirthDates === 1
              ? 'Un élève n’a pas de date de naissance connue : il est considéré comme mineur'
              : `${counts.unknownBirthDates} élèves n’ont pas de date de naissance connue : ils sont considérés comme mineurs`}{' '}
            par prudence, et une autorisation parentale leur est demandée.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="eleves" className="space-y-3">
        <h2 id="eleves" className="text-lg font-semibold">
          Élèves
        </h2>
        <nav aria-label="Filtrer les élèves" className="flex flex-wrap gap-2">
          {(Object.keys(filters) as Filter[]).map((key) => (
            <Link
              key={key}
              href={
                key === 'tous' ? `/equipe/classes/${id}` : `/equipe/classes/${id}?filtre=${key}`
              }
              aria-current={key === filter ? 'page' : undefined}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
            >
              {filters[key].label}
            </Link>
          ))}
        </nav>
        {shown.length === 0 ? (
          <EmptyState
            title={
              rows.length === 0
                ? 'Aucun élève dans cette classe pour l’instant.'
                : 'Aucun élève ne correspond à ce filtre.'
            }
          />
        ) : (
          // A list rather than a table: each pupil's consent forms unfold under their name,
          // full width on a phone.
          <ul
            aria-label={`Élèves de ${schoolClass.name}`}
            className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          >
            {shown.map((s) => {
              const name = `${s.firstName} ${s.lastName}`
              return (
                <li key={s.id} data-testid="student-row" className="space-y-2 p-3 text-sm">
                  <div className="grid gap-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,10rem)_minmax(0,1fr)] sm:items-start">
                    <div>
                      <p className="text-base font-medium">{name}</p>
                      <p className="text-slate-600">
                        {s.birthDate ? (
                          <>
                            Né(e) le {formatDate(new Date(`${s.birthDate}T12:00:00Z`))}
                            {s.minor ? ' · mineur' : ' · majeur'}
                          </>
                        ) : (
                          <span className="text-amber-900">
                            Date de naissance inconnue : mineur par prudence
                          </span>
                        )}
                      </p>
                    </div>
                    <p>
                      <span className="sr-only">Compte : </span>
                      {s.accountLinked ? (
                        <Badge tone="success">Compte activé</Badge>
                      ) : s.invitationPending ? (
                        <Badge tone="info">Invitation envoyée</Badge>
                      ) : (
                        <Badge tone="neutral">Sans compte</Badge>
                      )}
                    </p>
                    <div className="space-y-1">
                      <p>
                        <span className="sr-only">Autorisation parentale : </span>
                        <Badge tone={consentStatusTone[s.consent]}>
                          {consentStatusLabels[s.consent]}
                        </Badge>
                      </p>
                      {s.consentInForce ? (
                        <p className="text-slate-600">
                          {s.consentInForce.method === 'upload'
                            ? 'Formulaire signé'
                            : 'Donnée par le lien'}{' '}
                          le {formatDate(s.consentInForce.grantedAt)}
                          {s.consentInForce.hasForm && manage ? (
                            <>
                              {' · '}
                              <a
                                href={`/api/consentements/formulaire/${s.consentInForce.id}`}
                                className="text-brand-700 underline"
                              >
                                Voir le formulaire<span className="sr-only"> de {name}</span>
                              </a>
                            </>
                          ) : null}
                        </p>
                      ) : null}
                      {s.openRequest ? (
                        <p className="text-slate-600">
                          Lien envoyé le {formatDate(s.openRequest.sentAt)} à{' '}
                          <span className="break-all">{s.openRequest.guardianEmail}</span>
                          {s.openRequest.remindersSent > 0
                            ? ` · ${s.openRequest.remindersSent} relance${s.openRequest.remindersSent > 1 ? 's' : ''}`
                            : ''}
                        </p>
                      ) : null}
                    </div>
                  </div>
                  {manage ? (
                    <StudentConsentActions
                      student={{
                        id: s.id,
                        name,
                        guardianEmail: s.guardianEmail,
                        guardianName: s.guardianName,
                        status: s.consent,
                      }}
                    />
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
      </section>
    </div>
  )
}

import { applicationStates, stateLabels } from '@/lib/admissions/application-status'
import { ExportMenu } from '@/components/staff/export-menu'
import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { listEstablishmentCampaigns } from '@/lib/admissions/campaigns'
import { listQuery, listUrlValues, PAGE_SIZES, parseListParams } from '@/lib/admissions/list-params'
import { diplomaLabel } from '@/lib/admissions/application-fields'
import { listApplications } from '@/lib/admissions/staff-applications'
import { requireStaff } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { ApplicationsTable } from '@/components/staff/applications-table'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'

export const metadata: Metadata = { title: 'Candidatures' }

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const staff = await requireStaff('applications.view', { callbackUrl: '/equipe/candidatures' })
  const params = parseListParams(await searchParams)
  const [{ rows, total }, campaigns] = await Promise.all([
    listApplications(db, staff.scope, params),
    listEstablishmentCampaigns(db, staff.establishmentId),
  ])
  const pages = Math.max(1, Math.ceil(total / params.pageSize))
  // The filter form writes the URL: its fields hold the URL's words.
  const url = listUrlValues(params)
  const filters = listQuery(params, { page: 1 })
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Candidatures</h1>
          <p className="text-sm text-slate-600" role="status">
            {total} candidature{total > 1 ? 's' : ''}
          </p>
        </div>
        {/* Exports only when the reader may export and the view holds something (a reviewer with nothing assigned sees none). */}
        {staff.may('applications.export') && total > 0 ? (
          <ExportMenu filterQuery={filters} />
        ) : null}
      </div>
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
        role="search"
        aria-label="Filtrer les candidatures"
      >
        <div className="space-y-1 lg:col-span-2">
          <label htmlFor="q" className="block text-sm font-semibold">
            Rechercher un nom
          </label>
          <Input
            id="q"
            name="q"
            type="search"
            defaultValue={params.search}
            placeholder="Nom, prénom ou e-mail"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="statut" className="block text-sm font-semibold">
            Statut
          </label>
          <Select id="statut" name="statut" defaultValue={url.statut}>
            <option value="deposees">Toutes les candidatures déposées</option>
            {applicationStates.map((state) => (
              <option key={state} value={state}>
                {stateLabels[state]}
              </option>
            ))}
            <option value="tous">Toutes, brouillons compris</option>
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="recos" className="block text-sm font-semibold">
            Recommandations
          </label>
          <Select id="recos" name="recos" defaultValue={url.recos}>
            <option value="toutes">Toutes</option>
            <option value="completes">Complètes</option>
            <option value="incompletes">Incomplètes</option>
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="campagne" className="block text-sm font-semibold">
            Campagne
          </label>
          <Select id="campagne" name="campagne" defaultValue={url.campagne}>
            <option value="">Toutes</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.programmeName} — {c.name}
              </option>
            ))}
          </Select>
        </div>
        <input type="hidden" name="tri" value={url.tri} />
        <input type="hidden" name="ordre" value={url.ordre} />
        <div className="flex items-end gap-2 lg:col-span-5">
          <button type="submit" className={buttonClasses('primary', 'sm')}>
            Filtrer
          </button>
          <Link href="/equipe/candidatures" className={buttonClasses('ghost', 'sm')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState
          title={
            params.search || params.recommendations !== 'all' || params.campaignId
              ? 'Aucune candidature ne correspond à ces filtres.'
              : 'Aucune candidature pour l’instant.'
          }
        />
      ) : (
        <ApplicationsTable
          params={params}
          rows={rows.map((r) => ({
            id: r.id,
            name: [r.lastName?.toUpperCase(), r.firstName].filter(Boolean).join(' ') || r.email,
            email: r.email,
            programmeName: r.programmeName,
            diploma: diplomaLabel(r.diploma),
            status: r.status,
            submittedAt: r.submittedAt ? formatDate(r.submittedAt) : null,
            received: r.received,
            required: r.required,
          }))}
        />
      )}
      <nav
        aria-label="Pagination"
        className="flex flex-wrap items-center justify-between gap-3 text-sm"
      >
        <p>
          Page {Math.min(params.page, pages)} sur {pages}
        </p>
        <div className="flex items-center gap-2">
          {params.page > 1 ? (
            <Link
              className={buttonClasses('secondary', 'sm')}
              href={`/equipe/candidatures${listQuery(params, { page: params.page - 1 })}`}
            >
              Précédente
            </Link>
          ) : null}
          {params.page < pages ? (
            <Link
              className={buttonClasses('secondary', 'sm')}
              href={`/equipe/candidatures${listQuery(params, { page: params.page + 1 })}`}
            >
              Suivante
            </Link>
          ) : null}
          <span className="text-slate-600">
            {PAGE_SIZES.map((size) => (
              <Link
                key={size}
                href={`/equipe/candidatures${listQuery(params, { pageSize: size, page: 1 })}`}
                className={
                  size === params.pageSize ? 'px-1 font-semibold' : 'px-1 text-brand-700 underline'
                }
                aria-current={size === params.pageSize ? 'true' : undefined}
              >
                {size}
              </Link>
            ))}{' '}
            par page
          </span>
        </div>
      </nav>
    </div>
  )
}

import Link from 'next/link'
import { db } from '@/db'
import {
  CATALOGUE_PAGE_SIZE,
  catalogueFacets,
  parseCatalogueParams,
  searchCatalogue,
  type CatalogueParams,
} from '@/lib/admissions/catalogue'
import { can } from '@/lib/auth/permissions'
import { getViewer } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'

function pageHref(params: CatalogueParams, page: number) {
  const query = new URLSearchParams()
  if (params.q) query.set('q', params.q)
  if (params.departement) query.set('departement', params.departement)
  if (params.niveau) query.set('niveau', params.niveau)
  if (page > 1) query.set('page', String(page))
  const s = query.toString()
  return s ? `/?${s}#campagnes-ouvertes` : '/#campagnes-ouvertes'
}

// The public catalogue: every open campaign, searchable and filtered by department and level.
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = parseCatalogueParams(await searchParams)
  const [{ rows, total }, facets, viewer] = await Promise.all([
    searchCatalogue(db, params),
    catalogueFacets(db),
    getViewer(),
  ])
  // The way to the staff space: a sign-in link for visitors, a direct link for staff, nothing
  // for a signed-in candidate (the staff space would answer 403).
  const staffLink = !viewer
    ? 'sign-in'
    : viewer.memberships.some((m) => can(m.role, 'team.dashboard'))
      ? 'staff'
      : null
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE))
  const filtered = Boolean(params.q || params.departement || params.niveau)
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          Candidatures et stages, sans papier
        </h1>
        <p className="max-w-2xl text-lg text-slate-700">
          Déposez votre dossier en ligne, demandez vos avis de poursuite d’études à vos professeurs
          par un lien sécurisé, et suivez chaque étape jusqu’à la décision.
        </p>
      </section>
      <section aria-labelledby="campagnes-ouvertes" className="space-y-4">
        <h2 id="campagnes-ouvertes" className="text-xl font-semibold">
          Candidatures ouvertes
        </h2>
        <form
          method="get"
          role="search"
          aria-label="Rechercher une formation"
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <div className="space-y-1 lg:col-span-2">
            <label htmlFor="catalogue-q" className="block text-sm font-semibold">
              Formation, établissement ou ville
            </label>
            <Input
              id="catalogue-q"
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder="ex. CPGE, BTS, Toulouse"
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="catalogue-departement" className="block text-sm font-semibold">
              Département
            </label>
            <Select id="catalogue-departement" name="departement" defaultValue={params.departement}>
              <option value="">Tous</option>
              {facets.departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="catalogue-niveau" className="block text-sm font-semibold">
              Niveau
            </label>
            <Select id="catalogue-niveau" name="niveau" defaultValue={params.niveau}>
              <option value="">Tous</option>
              {facets.levels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClasses('primary', 'sm')}>
              Rechercher
            </button>
            {filtered ? (
              <Link
                href="/#campagnes-ouvertes"
                className="text-sm font-medium text-brand-700 underline"
              >
                Effacer les filtres
              </Link>
            ) : null}
            <p className="text-sm text-slate-600" aria-live="polite">
              {total} formation{total > 1 ? 's' : ''} ouverte{total > 1 ? 's' : ''}
              {filtered ? ' correspondant à votre recherche' : ''}
            </p>
          </div>
        </form>
        {rows.length === 0 ? (
          filtered ? (
            <EmptyState title="Aucune formation ouverte ne correspond à votre recherche.">
              Essayez un autre mot, ou retirez un filtre.
            </EmptyState>
          ) : (
            <EmptyState title="Aucune campagne de candidature n’est ouverte pour le moment.">
              Revenez plus tard ou contactez l’établissement qui vous intéresse.
            </EmptyState>
          )
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {rows.map((campaign) => (
              <li key={campaign.id}>
                <Card className="flex h-full flex-col gap-2">
                  <p className="text-sm font-medium text-brand-700">
                    {campaign.establishmentName} · {campaign.establishmentCity}
                  </p>
                  <h3 className="text-lg font-semibold">{campaign.programmeName}</h3>
                  <p className="text-sm text-slate-700">
                    {[campaign.level, campaign.departmentName].filter(Boolean).join(' · ')}
                    {campaign.level || campaign.departmentName ? ' · ' : ''}
                    {campaign.name}
                  </p>
                  {campaign.description ? (
                    <p className="text-sm text-slate-600">{campaign.description}</p>
                  ) : null}
                  <p className="text-sm text-slate-800">
                    Dépôt jusqu’au <strong>{formatDate(campaign.closesAt)}</strong>
                    {campaign.requiredRecommendations > 0
                      ? ` · ${campaign.requiredRecommendations} recommandation${campaign.requiredRecommendations > 1 ? 's' : ''} demandée${campaign.requiredRecommendations > 1 ? 's' : ''}`
                      : ''}
                  </p>
                  <div className="mt-auto pt-2">
                    <Link
                      href={`/candidature/${campaign.id}`}
                      className={buttonClasses('primary', 'sm')}
                      aria-label={`Candidater en ${campaign.programmeName}`}
                    >
                      Candidater
                    </Link>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages du catalogue" className="flex items-center justify-between gap-3">
            {params.page > 1 ? (
              <Link
                href={pageHref(params, params.page - 1)}
                className={buttonClasses('secondary', 'sm')}
              >
                ← Précédentes
              </Link>
            ) : (
              <span />
            )}
            <span className="text-sm text-slate-600">
              Page {params.page} sur {pages}
            </span>
            {params.page < pages ? (
              <Link
                href={pageHref(params, params.page + 1)}
                className={buttonClasses('secondary', 'sm')}
              >
                Suivantes →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
      {staffLink === 'sign-in' ? (
        <p className="text-sm text-slate-600">
          Personnel d’un établissement ?{' '}
          <Link
            className="font-medium text-brand-700 underline"
            href="/connexion?callbackUrl=%2Fequipe"
          >
            Connectez-vous à l’espace équipe
          </Link>
          .
        </p>
      ) : staffLink === 'staff' ? (
        <p className="text-sm text-slate-600">
          <Link className="font-medium text-brand-700 underline" href="/equipe">
            Aller à l’espace équipe
          </Link>
        </p>
      ) : null}
    </div>
  )
}

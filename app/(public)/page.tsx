import Link from 'next/link'
import { db } from '@/db'
import { listOpenCampaigns } from '@/lib/admissions/campaigns'
import { formatDate } from '@/lib/format'
import { Card } from '@/components/ui/card'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

export default async function HomePage() {
  const campaigns = await listOpenCampaigns(db)
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Candidatures et stages, sans papier</h1>
        <p className="max-w-2xl text-lg text-slate-700">
          Déposez votre dossier en ligne, demandez vos avis de poursuite d’études à vos professeurs par un lien sécurisé, et suivez chaque étape jusqu’à la décision.
        </p>
      </section>
      <section aria-labelledby="campagnes-ouvertes" className="space-y-4">
        <h2 id="campagnes-ouvertes" className="text-xl font-semibold">
          Candidatures ouvertes
        </h2>
        {campaigns.length === 0 ? (
          <EmptyState title="Aucune campagne de candidature n’est ouverte pour le moment.">Revenez plus tard ou contactez l’établissement qui vous intéresse.</EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {campaigns.map((campaign) => (
              <li key={campaign.id}>
                <Card className="h-full space-y-2">
                  <p className="text-sm font-medium text-brand-700">
                    {campaign.establishmentName} · {campaign.establishmentCity}
                  </p>
                  <h3 className="text-lg font-semibold">{campaign.programmeName}</h3>
                  <p className="text-sm text-slate-700">{campaign.name}</p>
                  {campaign.description ? <p className="text-sm text-slate-600">{campaign.description}</p> : null}
                  <p className="text-sm text-slate-800">
                    Dépôt jusqu’au <strong>{formatDate(campaign.closesAt)}</strong>
                    {campaign.requiredRecommendations > 0 ? ` · ${campaign.requiredRecommendations} recommandation${campaign.requiredRecommendations > 1 ? 's' : ''} demandée${campaign.requiredRecommendations > 1 ? 's' : ''}` : ''}
                  </p>
                  <Link href={`/candidature/${campaign.id}`} className={buttonClasses('primary', 'sm')} aria-label={`Candidater en ${campaign.programmeName}`}>
                    Candidater
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm text-slate-600">
        Personnel d’un établissement ? <Link className="font-medium text-brand-700 underline" href="/connexion?callbackUrl=%2Fequipe">Connectez-vous à l’espace équipe</Link>.
      </p>
    </div>
  )
}

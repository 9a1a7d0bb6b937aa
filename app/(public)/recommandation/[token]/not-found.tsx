import { PageTitle } from '@/components/shell/page-title'

// One page, one status (404), for unknown, tampered, expired and revoked links alike:
// it reveals nothing about which it was.
export default function InvalidRecommendationLink() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-10 text-center">
      <PageTitle title="Lien invalide" />
      <h1 className="text-2xl font-bold">Lien invalide</h1>
      <p className="text-slate-700">
        Ce lien de recommandation n’est pas valide ou n’est plus actif. Si vous avez reçu une
        demande d’avis, utilisez le lien du message le plus récent, ou contactez le candidat ou
        l’établissement.
      </p>
    </div>
  )
}

import { PageTitle } from '@/components/shell/page-title'

// Unknown links, and links replaced by a reminder's fresh one (only the newest is stored).
export default function InvalidConsentLink() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-10 text-center">
      <PageTitle title="Lien invalide" />
      <h1 className="text-2xl font-bold">Lien invalide</h1>
      <p className="text-slate-700">
        Ce lien d’autorisation parentale n’est pas valide. Vérifiez qu’il a été copié en entier ; si
        vous avez reçu un rappel, utilisez le lien du message le plus récent. Sinon, contactez le
        professeur principal de l’élève.
      </p>
    </div>
  )
}

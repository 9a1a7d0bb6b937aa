import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'
import { PageTitle } from '@/components/shell/page-title'

export const metadata: Metadata = { title: 'Accès refusé' }

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-10 text-center">
      <PageTitle title="Accès refusé" />
      <p className="text-sm font-semibold text-brand-700">Erreur 403</p>
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="text-slate-700">
        Votre compte n’a pas les droits nécessaires pour afficher cette page. Si vous pensez que
        c’est une erreur, contactez l’administration de votre établissement.
      </p>
      <Link href="/" className={buttonClasses('primary')}>
        Retour à l’accueil
      </Link>
    </div>
  )
}

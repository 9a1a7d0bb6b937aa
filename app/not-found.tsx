import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'
import { PageTitle } from '@/components/shell/page-title'

export const metadata: Metadata = { title: 'Page introuvable' }

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-10 text-center">
      <PageTitle title="Page introuvable" />
      <p className="text-sm font-semibold text-brand-700">Erreur 404</p>
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="text-slate-700">
        Cette adresse ne correspond à aucune page. Elle a peut-être été déplacée, ou le lien est
        incomplet.
      </p>
      <Link href="/" className={buttonClasses('primary')}>
        Retour à l’accueil
      </Link>
    </div>
  )
}

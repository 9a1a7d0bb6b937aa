import type { Metadata } from 'next'
import Link from 'next/link'
import { requireViewer } from '@/lib/auth/session'
import { EmptyState } from '@/components/ui/empty-state'
import { buttonClasses } from '@/components/ui/button'

export const metadata: Metadata = { title: 'Mon espace' }

export default async function CandidateSpacePage() {
  const viewer = await requireViewer('/espace')
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Mon espace</h1>
        <p className="break-all text-slate-600">{viewer.user.email}</p>
      </div>
      <section aria-labelledby="mes-candidatures" className="space-y-3">
        <h2 id="mes-candidatures" className="text-lg font-semibold">
          Mes candidatures
        </h2>
        <EmptyState
          title="Vous n’avez pas encore de candidature."
          action={
            <Link href="/" className={buttonClasses('primary')}>
              Voir les candidatures ouvertes
            </Link>
          }
        />
      </section>
    </div>
  )
}

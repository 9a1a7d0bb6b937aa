import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { formatDateTime } from '@/lib/format'
import { verifyRecommendationCode } from '@/lib/recommendations/verify'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = {
  title: 'Vérification d’une recommandation',
  robots: { index: false, follow: false },
}

// Public: confirms a recommendation exists, who signed it and when — never its content.
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  const result = await verifyRecommendationCode(db, decodeURIComponent(code))
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold">Vérification d’une recommandation</h1>
      {result ? (
        <Card className="space-y-2" role="status">
          <p className="text-lg font-semibold text-green-800">Recommandation authentique</p>
          <p>
            Le code <strong className="font-mono">{result.code}</strong> correspond à un avis de
            poursuite d’études transmis le {formatDateTime(result.submittedAt!)} par{' '}
            <strong>{result.recommenderName}</strong> ({result.recommenderPosition}) pour la
            formation {result.programmeName} du {result.establishmentName}.
          </p>
          <p className="text-sm text-slate-700">
            Téléphone du signataire {result.phoneConfirmed ? 'confirmé par SMS' : 'déclaré'} ;
            adresse e-mail {result.academicEmail ? 'académique' : 'non académique'}. Le contenu de
            l’avis n’est communiqué qu’à l’établissement.
          </p>
        </Card>
      ) : (
        <Card className="space-y-2" role="status">
          <p className="text-lg font-semibold text-red-800">
            Aucune recommandation ne correspond à ce code
          </p>
          <p>Vérifiez la saisie (12 caractères, par exemple 7KQ2-M9XD-41TB).</p>
        </Card>
      )}
      <Link href="/verifier" className="text-sm font-medium text-brand-700 underline">
        Vérifier un autre code
      </Link>
    </div>
  )
}

import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { formatDateTime } from '@/lib/format'
import { closedLinkMessage, openConsentLink } from '@/lib/school/consent-link'
import { relationshipLabel } from '@/lib/school/consent-words'
import { ConsentConfirmForm, WithdrawByLinkButton } from '@/components/school/consent-link-forms'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = {
  title: 'Autorisation parentale',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

// GET only shows; the answer and the withdrawal are POSTs (server actions) with the token.
export default async function ConsentLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const view = await openConsentLink(db, token)
  if (!view) notFound()
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm font-medium text-brand-700">{view.establishmentName}</p>
        <h1 className="text-2xl font-bold sm:text-3xl">Autorisation parentale</h1>
        <p className="text-slate-700">
          pour <strong>{view.studentName}</strong>
          {view.className ? ` (${view.className})` : ''}
        </p>
      </div>
      {view.state === 'open' ? (
        <Card className="space-y-4">
          <p>
            Sans l’autorisation d’un représentant légal, un élève mineur ne peut pas utiliser les
            services élèves de Tremplin (sa page, la recherche et le suivi de ses stages). Lisez le
            texte ci-dessous et cochez la case pour donner votre autorisation.
          </p>
          <ConsentConfirmForm
            token={token}
            statement={view.statement}
            defaultName={view.request.guardianName}
          />
        </Card>
      ) : view.state === 'consented' && view.consent ? (
        <Card className="space-y-4">
          <div role="status" className="space-y-2">
            <h2 className="text-lg font-semibold">Autorisation enregistrée</h2>
            <p>
              Vous avez donné votre autorisation le {formatDateTime(view.consent.grantedAt)}, au nom
              de {view.consent.guardianName} ({relationshipLabel(view.consent.relationship)}). Un
              accusé de réception vous a été envoyé par e-mail.
            </p>
          </div>
          <blockquote className="border-l-4 border-slate-300 pl-3 text-sm text-slate-700 italic">
            {view.statement}
          </blockquote>
          <p className="text-sm text-slate-700">
            Vous pouvez retirer cette autorisation à tout moment : {view.studentName} perdra
            aussitôt l’accès aux services élèves.
          </p>
          <WithdrawByLinkButton token={token} studentName={view.studentName} />
        </Card>
      ) : (
        <Card role="status" className="space-y-2">
          <h2 className="text-lg font-semibold">
            {view.state === 'withdrawn'
              ? 'Autorisation retirée'
              : view.state === 'expired'
                ? 'Lien expiré'
                : 'Lien plus valide'}
          </h2>
          <p>{closedLinkMessage(view)}</p>
        </Card>
      )}
    </div>
  )
}

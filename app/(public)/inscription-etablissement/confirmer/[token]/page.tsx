import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { ConfirmRegistrationButton } from '@/components/establishments/confirm-registration-button'
import { Card } from '@/components/ui/card'
import { establishmentKindLabels } from '@/lib/establishments/kinds'
import {
  findRegistrationByToken,
  registrationLinkMessages,
} from '@/lib/establishments/registrations'

export const metadata: Metadata = {
  title: 'Confirmer l’inscription',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

// GET only shows what will be confirmed (mail scanners open links); the button POSTs.
export default async function ConfirmRegistrationPage({
  params,
}: {
  params: Promise<{ token: string }>
}) {
  const { token } = await params
  const found = await findRegistrationByToken(db, token)
  if (!found.ok)
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">
          {found.problem === 'used' ? 'Adresse déjà confirmée' : 'Lien de confirmation invalide'}
        </h1>
        <Card className="space-y-3">
          <p>{registrationLinkMessages[found.problem]}</p>
          {found.problem !== 'used' ? (
            <p>
              <Link href="/inscription-etablissement" className="text-brand-700 underline">
                Déposer une nouvelle demande d’inscription
              </Link>
            </p>
          ) : null}
        </Card>
      </div>
    )
  const r = found.registration
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Confirmer l’inscription</h1>
      <Card className="space-y-4">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Établissement</dt>
          <dd>
            {r.name}
            {r.kind ? ` (${establishmentKindLabels[r.kind]})` : ''}
          </dd>
          <dt className="font-semibold">Code UAI</dt>
          <dd>{r.uai}</dd>
          <dt className="font-semibold">Commune</dt>
          <dd>
            {r.postcode} {r.city}
          </dd>
          <dt className="font-semibold">Chef d’établissement</dt>
          <dd>
            {r.headName}, {r.headEmail}
          </dd>
        </dl>
        <ConfirmRegistrationButton token={token} />
      </Card>
    </div>
  )
}

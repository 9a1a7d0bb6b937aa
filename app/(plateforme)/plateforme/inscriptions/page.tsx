import type { Metadata } from 'next'
import { db } from '@/db'
import { PlatformNav } from '@/components/establishments/platform-nav'
import { RegistrationDecision } from '@/components/establishments/registration-decision'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { requirePlatformAdmin } from '@/lib/auth/platform'
import { isAcademyAddress, isOnDomain } from '@/lib/establishments/email-domains'
import { establishmentKindLabels } from '@/lib/establishments/kinds'
import { registrationsAwaitingApproval } from '@/lib/establishments/registrations'
import { formatDateTime } from '@/lib/format'

export const metadata: Metadata = { title: 'Plateforme : inscriptions à valider' }

export default async function RegistrationsPage() {
  await requirePlatformAdmin('/plateforme/inscriptions')
  const registrations = await registrationsAwaitingApproval(db)
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Inscriptions à valider</h1>
      <PlatformNav awaiting={registrations.length} />
      {registrations.length === 0 ? (
        <EmptyState title="Aucune inscription en attente.">
          Les demandes apparaissent ici une fois l’adresse du chef d’établissement confirmée.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {registrations.map((r) => (
            <li key={r.id}>
              <Card className="space-y-3">
                <h2 className="text-lg font-semibold">
                  {r.name} <span className="font-normal text-slate-600">({r.uai})</span>
                </h2>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">Type</dt>
                  <dd>{r.kind ? establishmentKindLabels[r.kind] : '—'}</dd>
                  <dt className="font-semibold">Adresse</dt>
                  <dd>
                    {[r.address, `${r.postcode ?? ''} ${r.city}`.trim()].filter(Boolean).join(', ')}
                  </dd>
                  <dt className="font-semibold">Domaine e-mail</dt>
                  <dd>{r.emailDomain}</dd>
                  <dt className="font-semibold">Chef d’établissement</dt>
                  <dd>
                    {r.headName}, {r.headEmail}{' '}
                    <span className="text-slate-600">
                      (
                      {isOnDomain(r.headEmail, r.emailDomain)
                        ? 'adresse sur le domaine de l’établissement'
                        : isAcademyAddress(r.headEmail)
                          ? 'adresse académique'
                          : 'adresse hors domaine'}
                      , confirmée le {r.emailConfirmedAt ? formatDateTime(r.emailConfirmedAt) : '—'}
                      )
                    </span>
                  </dd>
                </dl>
                <RegistrationDecision registrationId={r.id} name={r.name} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

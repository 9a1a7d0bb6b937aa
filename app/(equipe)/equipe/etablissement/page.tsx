import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { EstablishmentProfileForm } from '@/components/establishments/establishment-profile-form'
import { LogoForm } from '@/components/establishments/logo-form'
import { Card } from '@/components/ui/card'
import { requireStaff } from '@/lib/auth/session'
import { establishmentKindLabels } from '@/lib/establishments/kinds'
import { LOGO_MAX_BYTES, logoUrl } from '@/lib/establishments/logo'
import { establishmentProfile } from '@/lib/establishments/settings'

export const metadata: Metadata = { title: 'Établissement' }

export default async function EstablishmentPage() {
  const staff = await requireStaff('establishment.edit', { callbackUrl: '/equipe/etablissement' })
  const profile = await establishmentProfile(db, staff.establishmentId)
  if (!profile) notFound()
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Établissement</h1>
        <p className="text-slate-700">
          {profile.kind ? `${establishmentKindLabels[profile.kind]} · ` : ''}Code UAI {profile.uai}{' '}
          (pour le corriger, écrivez à l’équipe de la plateforme)
        </p>
      </div>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Coordonnées</h2>
        <EstablishmentProfileForm
          defaultValues={{
            name: profile.name,
            address: profile.address ?? '',
            postcode: profile.postcode ?? '',
            city: profile.city,
            latitude: profile.latitude === null ? '' : String(profile.latitude).replace('.', ','),
            longitude:
              profile.longitude === null ? '' : String(profile.longitude).replace('.', ','),
            emailDomains: profile.emailDomains.join(', '),
          }}
        />
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Logo</h2>
        <LogoForm
          currentUrl={logoUrl(profile.id, profile.logoKey)}
          maxMegabytes={LOGO_MAX_BYTES / 1024 / 1024}
        />
      </Card>
      {staff.may('campaigns.view') ? (
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold">Candidatures</h2>
          <p>
            Chaque candidat peut déposer au plus {profile.maxApplicationsPerCandidate} candidatures
            dans l’établissement.{' '}
            <Link href="/equipe/campagnes" className="text-brand-700 underline">
              Régler ce nombre sur la page Campagnes
            </Link>
          </p>
        </Card>
      ) : null}
    </div>
  )
}

import type { Metadata } from 'next'
import { db } from '@/db'
import { NewEstablishmentForm } from '@/components/establishments/new-establishment-form'
import { PlatformNav } from '@/components/establishments/platform-nav'
import { requirePlatformAdmin } from '@/lib/auth/platform'
import { countAwaitingApproval } from '@/lib/establishments/registrations'

export const metadata: Metadata = { title: 'Plateforme : nouvel établissement' }

export default async function NewEstablishmentPage() {
  await requirePlatformAdmin('/plateforme/etablissements/nouveau')
  const awaiting = await countAwaitingApproval(db)
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Nouvel établissement</h1>
      <PlatformNav awaiting={awaiting} />
      <NewEstablishmentForm />
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { newCampaignDefaults } from '@/lib/admissions/campaign-creation'
import { establishmentDepartments, establishmentProgrammes } from '@/lib/establishments/programmes'
import { listEstablishmentCampaigns } from '@/lib/admissions/campaigns'
import { requireStaff } from '@/lib/auth/session'
import { NewCampaignForm } from '@/components/staff/new-campaign-form'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Nouvelle campagne' }

export default async function NewCampaignPage() {
  const { membership } = await requireStaff('campaigns.edit', {
    callbackUrl: '/equipe/campagnes/nouvelle',
  })
  const [programmes, departments, campaigns] = await Promise.all([
    establishmentProgrammes(db, membership.establishmentId),
    establishmentDepartments(db, membership.establishmentId),
    listEstablishmentCampaigns(db, membership.establishmentId),
  ])
  const defaults = newCampaignDefaults(new Date(), programmes[0]?.id)
  return (
    <div className="space-y-6">
      <Link href="/equipe/campagnes" className="text-sm font-medium text-brand-700 underline">
        ← Campagnes
      </Link>
      <h1 className="text-2xl font-bold">Nouvelle campagne de candidature</h1>
      <Card>
        <NewCampaignForm
          defaultValues={defaults}
          departments={departments.map((d) => d.name)}
          programmes={programmes.map((p) => ({
            id: p.id,
            label: [p.name, p.departmentName].filter(Boolean).join(' — '),
          }))}
          campaigns={campaigns.map((c) => ({ id: c.id, label: `${c.programmeName} — ${c.name}` }))}
        />
      </Card>
    </div>
  )
}

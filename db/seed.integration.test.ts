import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { admissionCampaigns, establishments, memberships, users } from '@/db/schema'
import { listOpenCampaigns } from '@/lib/admissions/campaigns'
import { demoAccounts } from '@/lib/people/demo-accounts'
import { seedDemoData } from './seed'

describe('demo data', () => {
  it('creates Lycée Ozenne with an open CPGE ATS campaign and one account per role, idempotently', async () => {
    const first = await seedDemoData(db)
    const second = await seedDemoData(db)
    expect(second).toEqual(first)

    const [ozenne] = await db.select().from(establishments).where(eq(establishments.id, first.establishmentId))
    expect(ozenne).toMatchObject({ name: 'Lycée Ozenne', city: 'Toulouse' })

    const campaigns = await db.select().from(admissionCampaigns).where(eq(admissionCampaigns.establishmentId, first.establishmentId))
    expect(campaigns).toHaveLength(1)
    const open = await listOpenCampaigns(db)
    expect(open.find((c) => c.id === campaigns[0]!.id)?.programmeName).toBe('CPGE ATS Économie-Gestion')

    for (const account of demoAccounts) {
      const rows = await db
        .select({ role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(users.email, account.email), eq(memberships.establishmentId, first.establishmentId)))
      expect(rows).toEqual([{ role: account.role }])
    }
  })
})

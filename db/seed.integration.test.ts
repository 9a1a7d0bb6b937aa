import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { admissionCampaigns, establishments, memberships, users } from '@/db/schema'
import { parseCatalogueParams, searchCatalogue } from '@/lib/admissions/catalogue'
import { demoAccounts } from '@/lib/people/demo-accounts'
import { seedDemoData } from './seed'

describe('demo data', () => {
  it('creates Lycée Ozenne with its open campaigns and one account per role, idempotently', async () => {
    const first = await seedDemoData(db)
    const second = await seedDemoData(db)
    expect(second).toEqual(first)

    const [ozenne] = await db
      .select()
      .from(establishments)
      .where(eq(establishments.id, first.establishmentId))
    expect(ozenne).toMatchObject({ name: 'Lycée Ozenne', city: 'Toulouse' })

    const campaigns = await db
      .select()
      .from(admissionCampaigns)
      .where(eq(admissionCampaigns.establishmentId, first.establishmentId))
    expect(campaigns).toHaveLength(4)
    const open = await searchCatalogue(db, parseCatalogueParams({ q: 'cpge ats economie' }))
    expect(open.rows.map((c) => c.programmeName)).toContain('CPGE ATS Économie-Gestion')
    const commerce = await searchCatalogue(
      db,
      parseCatalogueParams({ departement: 'Commerce', niveau: 'Bac+2' }),
    )
    expect(commerce.rows.map((c) => c.programmeName)).toContain(
      'BTS Management commercial opérationnel',
    )

    for (const account of demoAccounts) {
      const rows = await db
        .select({ role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(users.email, account.email),
            eq(memberships.establishmentId, first.establishmentId),
          ),
        )
      expect(rows).toEqual([{ role: account.role }])
    }
  })
})

import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  admissionCampaigns,
  classes,
  enrolments,
  establishments,
  memberships,
  parentalConsents,
  students,
  users,
} from '@/db/schema'
import { parseCatalogueParams, searchCatalogue } from '@/lib/admissions/catalogue'
import { demoAccounts, demoPlatformAdmin } from '@/lib/people/demo-accounts'
import { isValidUai } from '@/lib/establishments/uai'
import { seedDemoData } from './seed'

describe('demo data', () => {
  it('creates Lycée Ozenne with its open campaigns and one account per role, and a collège with classes and pupils, idempotently', async () => {
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

    const [college] = await db
      .select()
      .from(establishments)
      .where(eq(establishments.uai, '0311234Y'))
    expect(college).toMatchObject({
      name: 'Collège Jean Jaurès',
      city: 'Colomiers',
      kind: 'college',
    })
    expect(isValidUai(ozenne!.uai) && isValidUai(college!.uai)).toBe(true)
    const establishmentIds = { ozenne: first.establishmentId, jaures: college!.id }
    for (const account of demoAccounts) {
      const rows = await db
        .select({ role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(users.email, account.email),
            eq(memberships.establishmentId, establishmentIds[account.establishment]),
          ),
        )
      expect(rows).toEqual([{ role: account.role }])
    }
    const [operator] = await db.select().from(users).where(eq(users.email, demoPlatformAdmin.email))
    expect(operator!.platformAdmin).toBe(true)

    // The collège's pupils: two 3e classes, minors, some without consent, the two demo pupils.
    const pupils = await db
      .select({
        className: classes.name,
        email: students.email,
        birthDate: students.birthDate,
        consent: parentalConsents.id,
      })
      .from(students)
      .innerJoin(enrolments, eq(enrolments.studentId, students.id))
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .leftJoin(parentalConsents, eq(parentalConsents.studentId, students.id))
      .where(eq(students.establishmentId, college!.id))
    expect(new Set(pupils.map((p) => p.className))).toEqual(new Set(['3e A', '3e B']))
    expect(pupils).toHaveLength(46)
    const withoutConsent = pupils.filter((p) => p.consent === null)
    expect(withoutConsent.length).toBeGreaterThan(10)
    expect(
      pupils.find((p) => p.email === 'eleve.autorise@college-jaures.example')?.consent,
    ).not.toBeNull()
    expect(
      pupils.find((p) => p.email === 'eleve.sans-autorisation@college-jaures.example')?.consent,
    ).toBeNull()
  })
})

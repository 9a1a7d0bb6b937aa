import { count, eq } from 'drizzle-orm'
import type { Executor } from './index'
import { admissionCampaigns, departments, establishments, memberships, programmes, users } from './schema'
import { demoAccounts } from '../lib/people/demo-accounts'
import { addDefaultQuestions } from '../lib/recommendations/default-questions'

const DAY = 24 * 60 * 60 * 1000

export async function isDatabaseEmpty(db: Executor) {
  const [row] = await db.select({ n: count() }).from(establishments)
  return (row?.n ?? 0) === 0
}

/** Demo data: Lycée Ozenne, its CPGE ATS programme, an open campaign, one account per role. Idempotent. */
export async function seedDemoData(db: Executor, now: Date = new Date()) {
  await db
    .insert(establishments)
    .values({ uai: '0310044T', name: 'Lycée Ozenne', city: 'Toulouse', slug: 'lycee-ozenne' })
    .onConflictDoNothing({ target: establishments.uai })
  const [ozenne] = await db.select().from(establishments).where(eq(establishments.uai, '0310044T'))
  if (!ozenne) throw new Error('seed: establishment missing')

  await db.insert(departments).values({ establishmentId: ozenne.id, name: 'Économie-Gestion' }).onConflictDoNothing()
  const [department] = await db.select().from(departments).where(eq(departments.establishmentId, ozenne.id))

  await db
    .insert(programmes)
    .values({
      establishmentId: ozenne.id,
      departmentId: department?.id,
      name: 'CPGE ATS Économie-Gestion',
      level: 'Bac+3 — classe préparatoire',
      description:
        'Une année de préparation aux masters et écoles de commerce, avec la licence 3 AES de l’Université Toulouse Capitole en parallèle. Ouverte aux titulaires d’un BTS, BUT 2 ou Licence 2.',
    })
    .onConflictDoNothing()
  const [programme] = await db.select().from(programmes).where(eq(programmes.establishmentId, ozenne.id))
  if (!programme) throw new Error('seed: programme missing')

  const existingCampaign = await db.select({ id: admissionCampaigns.id }).from(admissionCampaigns).where(eq(admissionCampaigns.programmeId, programme.id))
  if (existingCampaign.length === 0) {
    const [campaign] = await db.insert(admissionCampaigns).values({
      establishmentId: ozenne.id,
      programmeId: programme.id,
      name: `Recrutement ${now.getUTCFullYear() + 1}`,
      description: 'Dossier en ligne et deux avis de poursuite d’études demandés à vos professeurs.',
      opensAt: new Date(now.getTime() - 14 * DAY),
      closesAt: new Date(now.getTime() + 60 * DAY),
      requiredRecommendations: 2,
      recommendationDeadline: new Date(now.getTime() + 70 * DAY),
    }).returning({ id: admissionCampaigns.id })
    await addDefaultQuestions(db, campaign!.id)
  }

  for (const account of demoAccounts) {
    await db.insert(users).values({ email: account.email, name: account.name, emailVerified: now }).onConflictDoNothing({ target: users.email })
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email))
    if (!user) throw new Error('seed: user missing')
    await db.insert(memberships).values({ userId: user.id, establishmentId: ozenne.id, role: account.role }).onConflictDoNothing()
  }
  return { establishmentId: ozenne.id, programmeId: programme.id }
}

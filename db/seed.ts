import { count, eq } from 'drizzle-orm'
import type { Database, Executor } from './index'
import { and } from 'drizzle-orm'
import { admissionCampaigns, applications, departments, emailOutbox, establishments, memberships, programmes, users } from './schema'
import { demoAccounts, demoCandidate } from '../lib/people/demo-accounts'
import { addDefaultQuestions } from '../lib/recommendations/default-questions'
import { submitApplication } from '../lib/admissions/applications'
import { applicationSchema } from '../lib/admissions/schemas'
import { campaignQuestions } from '../lib/recommendations/questions'
import { submitRecommendation } from '../lib/recommendations/respond'
import { recommendationSchema, type RecommendationData } from '../lib/recommendations/schemas'

const DAY = 24 * 60 * 60 * 1000

export async function isDatabaseEmpty(db: Executor) {
  const [row] = await db.select({ n: count() }).from(establishments)
  return (row?.n ?? 0) === 0
}

/** Demo data: Lycée Ozenne, its CPGE ATS programme, an open campaign, one account per role. Idempotent. */
export async function seedDemoData(db: Database, now: Date = new Date()) {
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
  await seedDemoApplication(db, programme.id)
  return { establishmentId: ozenne.id, programmeId: programme.id }
}

// One submitted application with one recommendation received and one awaited, made through
// the app's own functions, so the staff pages have something to show from the first run.
const demoRecommenders = [
  { name: 'Jean Dupont', position: 'Professeur d’économie', email: 'jean.dupont@ac-toulouse.fr' },
  { name: 'Anne Leroy', position: 'Professeure de gestion', email: 'anne.leroy@ac-toulouse.fr' },
]

async function seedDemoApplication(db: Database, programmeId: string) {
  const [campaign] = await db.select().from(admissionCampaigns).where(eq(admissionCampaigns.programmeId, programmeId))
  if (!campaign || campaign.requiredRecommendations !== 2) return
  await db.insert(users).values({ email: demoCandidate.email, name: demoCandidate.name }).onConflictDoNothing({ target: users.email })
  const [candidate] = await db.select().from(users).where(eq(users.email, demoCandidate.email))
  const existing = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.campaignId, campaign.id), eq(applications.candidateUserId, candidate!.id)))
  if (existing.length > 0 || campaign.closesAt <= new Date()) return
  const data = applicationSchema(2, demoCandidate.email).parse({
    civility: 'mme',
    firstName: 'Léa',
    lastName: 'Martin',
    birthDate: '2004-05-12',
    phone: '06 12 34 56 78',
    addressLine: '12 rue des Lilas',
    postalCode: '31000',
    city: 'Toulouse',
    country: 'France',
    diploma: 'bts',
    currentEstablishment: 'Lycée Déodat de Séverac',
    specialty: 'BTS Comptabilité et gestion',
    graduationYear: '2026',
    motivation:
      'Après mon BTS Comptabilité et gestion, je souhaite poursuivre vers un master en école de commerce. La CPGE ATS me permettra de préparer les concours tout en validant une licence AES, avec un encadrement exigeant qui correspond à ma manière de travailler.',
    recommenders: demoRecommenders,
  })
  await submitApplication(db, { campaignId: campaign.id, user: { id: candidate!.id, email: demoCandidate.email }, data })
  const [invitation] = await db
    .select({ text: emailOutbox.text })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, demoRecommenders[0]!.email), eq(emailOutbox.template, 'recommendation-invitation')))
  const token = invitation?.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)?.[1]
  if (!token) return
  const questions = await campaignQuestions(db, campaign.id)
  const answers = Object.fromEntries(
    questions.map((q) => [q.id, q.kind === 'scale' ? 'tres_bien' : 'Étudiante sérieuse et régulière, moteur dans les travaux de groupe. Je recommande sa candidature sans réserve.']),
  )
  const recommendation = recommendationSchema(questions).parse({ answers, opinion: 'tres_favorable', phone: '06 11 22 33 44', certified: true }) as RecommendationData
  await submitRecommendation(db, { token, data: recommendation, context: { ip: null, userAgent: 'seed' }, sms: null })
}

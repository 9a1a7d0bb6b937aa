import { and, count, eq } from 'drizzle-orm'
import type { Database, Executor } from './index'
import {
  admissionCampaigns,
  applications,
  campaignDocuments,
  decisionMotivations,
  departments,
  emailOutbox,
  establishments,
  programmes,
  reviewCriteria,
  users,
} from './schema'
import { demoCandidate } from '../lib/people/demo-accounts'
import { seedDemoSchool } from './seed-school'
import { addDefaultQuestions } from '../lib/recommendations/default-questions'
import { defaultCriteria } from '../lib/admissions/default-criteria'
import { submitApplication } from '../lib/admissions/applications'
import { campaignDocumentsOf, uploadDocument } from '../lib/admissions/documents'
import { applicationSchema } from '../lib/admissions/schemas'
import { reviewCompleteness } from '../lib/admissions/completeness'
import { campaignQuestions } from '../lib/recommendations/questions'
import { loadSubmission, submitRecommendation } from '../lib/recommendations/respond'
import { recommendationSchema, type RecommendationData } from '../lib/recommendations/schemas'

const DAY = 24 * 60 * 60 * 1000
const MB = 1024 * 1024

const transcripts = {
  name: 'Relevés de notes post-bac',
  helpText: 'Toutes les années depuis le baccalauréat, en un seul PDF.',
  formats: ['pdf'],
  maxBytes: 5 * MB,
  required: true,
}
const identity = {
  name: 'Pièce d’identité',
  helpText: 'Carte d’identité (recto verso) ou passeport, lisible.',
  formats: ['pdf', 'jpeg', 'png'],
  maxBytes: 5 * MB,
  required: true,
}
const baccalaureate = {
  name: 'Relevé de notes du baccalauréat',
  helpText: null,
  formats: ['pdf', 'jpeg', 'png'],
  maxBytes: 5 * MB,
  required: false,
}

// The demo establishment's offer: several departments, levels and campaigns for the catalogue.
const demoCatalogue = [
  {
    department: 'Économie-Gestion',
    name: 'CPGE ATS Économie-Gestion',
    level: 'Bac+3 — classe préparatoire',
    description:
      'Une année de préparation aux masters et écoles de commerce, avec la licence 3 AES de l’Université Toulouse Capitole en parallèle. Ouverte aux titulaires d’un BTS, BUT 2 ou Licence 2.',
    campaignDescription:
      'Dossier en ligne et deux avis de poursuite d’études demandés à vos professeurs.',
    recommendations: 2,
    documents: [transcripts, identity, baccalaureate],
  },
  {
    department: 'Économie-Gestion',
    name: 'DCG — Diplôme de comptabilité et de gestion',
    level: 'Bac+3',
    description: 'Trois ans vers l’expertise comptable, en formation initiale.',
    campaignDescription: 'Dossier en ligne et un avis de votre professeur principal.',
    recommendations: 1,
    documents: [transcripts, identity],
  },
  {
    department: 'Économie-Gestion',
    name: 'BTS Comptabilité et gestion',
    level: 'Bac+2',
    description:
      'Deux ans pour devenir technicien supérieur en comptabilité, avec stages en cabinet.',
    campaignDescription: 'Admission parallèle en deuxième année : dossier et relevés de notes.',
    recommendations: 0,
    documents: [transcripts],
  },
  {
    department: 'Commerce',
    name: 'BTS Management commercial opérationnel',
    level: 'Bac+2',
    description: 'Manager une unité commerciale : relation client, animation d’équipe, gestion.',
    campaignDescription: 'Admission parallèle en deuxième année : dossier et relevés de notes.',
    recommendations: 0,
    documents: [transcripts],
  },
]

const demoMotivations = [
  'Résultats insuffisants dans les matières principales de la formation',
  'Projet de formation peu cohérent avec la formation demandée',
  'Capacité d’accueil atteinte',
  'Prérequis de la formation non satisfaits',
]

export async function isDatabaseEmpty(db: Executor) {
  const [row] = await db.select({ n: count() }).from(establishments)
  return (row?.n ?? 0) === 0
}

/** Demo data: Lycée Ozenne, its programmes and open campaigns (with documents, review grid and motivations), one account per role. Idempotent. */
export async function seedDemoData(db: Database, now: Date = new Date()) {
  await db
    .insert(establishments)
    .values({ uai: '0310044E', name: 'Lycée Ozenne', city: 'Toulouse', slug: 'lycee-ozenne' })
    .onConflictDoNothing({ target: establishments.uai })
  const [ozenne] = await db.select().from(establishments).where(eq(establishments.uai, '0310044E'))
  if (!ozenne) throw new Error('seed: establishment missing')

  const programmeIds: Record<string, string> = {}
  for (const offer of demoCatalogue) {
    await db
      .insert(departments)
      .values({ establishmentId: ozenne.id, name: offer.department })
      .onConflictDoNothing()
    const [department] = await db
      .select()
      .from(departments)
      .where(
        and(eq(departments.establishmentId, ozenne.id), eq(departments.name, offer.department)),
      )
    await db
      .insert(programmes)
      .values({
        establishmentId: ozenne.id,
        departmentId: department?.id,
        name: offer.name,
        level: offer.level,
        description: offer.description,
      })
      .onConflictDoNothing()
    const [programme] = await db
      .select()
      .from(programmes)
      .where(and(eq(programmes.establishmentId, ozenne.id), eq(programmes.name, offer.name)))
    if (!programme) throw new Error('seed: programme missing')
    programmeIds[offer.name] = programme.id

    const existingCampaign = await db
      .select({ id: admissionCampaigns.id })
      .from(admissionCampaigns)
      .where(eq(admissionCampaigns.programmeId, programme.id))
    if (existingCampaign.length > 0) continue
    const [campaign] = await db
      .insert(admissionCampaigns)
      .values({
        establishmentId: ozenne.id,
        programmeId: programme.id,
        name: `Recrutement ${now.getUTCFullYear() + 1}`,
        description: offer.campaignDescription,
        opensAt: new Date(now.getTime() - 14 * DAY),
        closesAt: new Date(now.getTime() + 60 * DAY),
        requiredRecommendations: offer.recommendations,
        recommendationDeadline: new Date(now.getTime() + 70 * DAY),
        responseDays: 7,
      })
      .returning({ id: admissionCampaigns.id })
    await addDefaultQuestions(db, campaign!.id)
    await db
      .insert(campaignDocuments)
      .values(offer.documents.map((d, position) => ({ campaignId: campaign!.id, position, ...d })))
    await db
      .insert(reviewCriteria)
      .values(defaultCriteria.map((c, position) => ({ campaignId: campaign!.id, position, ...c })))
  }
  const existingMotivations = await db
    .select({ id: decisionMotivations.id })
    .from(decisionMotivations)
    .where(eq(decisionMotivations.establishmentId, ozenne.id))
  if (existingMotivations.length === 0)
    await db
      .insert(decisionMotivations)
      .values(demoMotivations.map((label) => ({ establishmentId: ozenne.id, label })))
  const programmeId = programmeIds['CPGE ATS Économie-Gestion']!

  // Accounts and memberships of both demo establishments, classes, pupils and consents.
  await seedDemoSchool(db, ozenne.id, now)
  await seedDemoApplication(db, programmeId)
  return { establishmentId: ozenne.id, programmeId }
}

// One submitted application with one recommendation received and one awaited, made through
// the app's own functions, so the staff pages have something to show from the first run.
const demoRecommenders = [
  { name: 'Jean Dupont', position: 'Professeur d’économie', email: 'jean.dupont@ac-toulouse.fr' },
  { name: 'Anne Leroy', position: 'Professeure de gestion', email: 'anne.leroy@ac-toulouse.fr' },
]

async function seedDemoApplication(db: Database, programmeId: string) {
  const [campaign] = await db
    .select()
    .from(admissionCampaigns)
    .where(eq(admissionCampaigns.programmeId, programmeId))
  if (!campaign || campaign.requiredRecommendations !== 2) return
  await db
    .insert(users)
    .values({ email: demoCandidate.email, name: demoCandidate.name })
    .onConflictDoNothing({ target: users.email })
  const [candidate] = await db.select().from(users).where(eq(users.email, demoCandidate.email))
  const existing = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.campaignId, campaign.id),
        eq(applications.candidateUserId, candidate!.id),
      ),
    )
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
  const user = { id: candidate!.id, email: demoCandidate.email }
  for (const requirement of await campaignDocumentsOf(db, campaign.id)) {
    const pdf = new TextEncoder().encode(
      `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${requirement.name}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    )
    if (requirement.formats.includes('pdf'))
      await uploadDocument(db, {
        user,
        campaignId: campaign.id,
        campaignDocumentId: requirement.id,
        bytes: pdf,
        originalName: `${requirement.name}.pdf`,
      })
  }
  await submitApplication(db, { campaignId: campaign.id, user, data })
  const [invitation] = await db
    .select({ text: emailOutbox.text })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.toAddress, demoRecommenders[0]!.email),
        eq(emailOutbox.template, 'recommendation-invitation'),
      ),
    )
  const token = invitation?.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)?.[1]
  if (!token) return
  const questions = await campaignQuestions(db, campaign.id)
  const answers = Object.fromEntries(
    questions.map((q) => [
      q.id,
      q.kind === 'scale'
        ? 'tres_bien'
        : 'Étudiante sérieuse et régulière, moteur dans les travaux de groupe. Je recommande sa candidature sans réserve.',
    ]),
  )
  const recommendation = recommendationSchema(questions).parse({
    answers,
    opinion: 'tres_favorable',
    phone: '06 11 22 33 44',
    certified: true,
  }) as RecommendationData
  await submitRecommendation(db, {
    submission: await loadSubmission(db, token),
    data: recommendation,
    context: { ip: null, userAgent: 'seed' },
    sms: null,
    onReceived: reviewCompleteness,
  })
}

import { randomUUID } from 'node:crypto'
import type { Executor } from '../index'
import { addDefaultQuestions } from '../../lib/recommendations/default-questions'
import {
  admissionCampaigns,
  campaignDocuments,
  establishments,
  memberships,
  programmes,
  users,
  type Role,
} from '../schema'

const DAY = 24 * 60 * 60 * 1000
const unique = () => randomUUID().slice(0, 8)

// Each test builds what it needs with unique names and emails: no order dependence.
export async function createEstablishment(db: Executor) {
  const suffix = unique()
  const [row] = await db
    .insert(establishments)
    .values({
      uai: `T${suffix}`.toUpperCase(),
      name: `Lycée ${suffix}`,
      city: 'Toulouse',
      slug: `lycee-${suffix}`,
    })
    .returning()
  return row!
}

export async function createUser(db: Executor, options: { email?: string; name?: string } = {}) {
  const [row] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${unique()}@test.example`,
      name: options.name ?? 'Test User',
    })
    .returning()
  return row!
}

export async function createMember(db: Executor, establishmentId: string, role: Role) {
  const user = await createUser(db, { email: `${role}-${unique()}@test.example` })
  await db.insert(memberships).values({ userId: user.id, establishmentId, role })
  return user
}

export async function createCampaign(
  db: Executor,
  establishmentId: string,
  options: {
    opensAt?: Date
    closesAt?: Date
    recommendationDeadline?: Date
    requiredRecommendations?: number
  } = {},
) {
  const now = Date.now()
  const [programme] = await db
    .insert(programmes)
    .values({ establishmentId, name: `Programme ${unique()}` })
    .returning()
  const [campaign] = await db
    .insert(admissionCampaigns)
    .values({
      establishmentId,
      programmeId: programme!.id,
      name: `Campagne ${unique()}`,
      opensAt: options.opensAt ?? new Date(now - DAY),
      closesAt: options.closesAt ?? new Date(now + 30 * DAY),
      recommendationDeadline: options.recommendationDeadline ?? new Date(now + 40 * DAY),
      requiredRecommendations: options.requiredRecommendations ?? 2,
    })
    .returning()
  await addDefaultQuestions(db, campaign!.id)
  return { programme: programme!, campaign: campaign! }
}

/** A complete, valid application form for tests (the shape the form posts). */
export function applicationFormData(overrides: Record<string, unknown> = {}, recommenders = 2) {
  return {
    civility: 'mme',
    firstName: 'Léa',
    lastName: `Martin-${unique()}`,
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
      'Je souhaite rejoindre la CPGE ATS pour préparer les concours des écoles de commerce. '.repeat(
        4,
      ),
    recommenders: Array.from({ length: recommenders }, (_, i) => ({
      name: `Professeur ${i + 1}`,
      position: i === 0 ? 'Professeur d’économie' : 'Professeure de gestion',
      email: `prof${i + 1}-${unique()}@ac-toulouse.fr`,
    })),
    ...overrides,
  }
}

/** A requested supporting document for a campaign. */
export async function createDocumentRequirement(
  db: Executor,
  campaignId: string,
  options: {
    name?: string
    formats?: string[]
    maxBytes?: number
    required?: boolean
    position?: number
  } = {},
) {
  const [row] = await db
    .insert(campaignDocuments)
    .values({
      campaignId,
      position: options.position ?? 0,
      name: options.name ?? `Pièce ${unique()}`,
      formats: options.formats ?? ['pdf', 'jpeg', 'png'],
      maxBytes: options.maxBytes ?? 1024 * 1024,
      required: options.required ?? true,
    })
    .returning()
  return row!
}

/** Bytes of a minimal valid PDF. */
export const pdfBytes = (text = 'Tremplin') =>
  new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  )

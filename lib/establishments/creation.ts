import { randomBytes } from 'node:crypto'
import { asc, count, eq, ilike, or, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { establishments, users, type NewEstablishment } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { issueInvitation } from '@/lib/people/invitations'
import { checkedCommune } from './communes'
import type { NewEstablishmentFields } from './schemas'

// Establishments come into being here only: created by a platform operator (page or
// `npm run platform`), or on approval of a head's registration (registrations.ts).

/** "Collège Jean-Jaurès" → "college-jean-jaures": the readable part of the public URL. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'etablissement'
  )
}

type EstablishmentValues = Omit<NewEstablishment, 'slug' | 'id' | 'createdAt' | 'updatedAt'>

/**
 * Inserts an establishment with a free slug (its name, then the name and its UAI); returns
 * null when the UAI is already on the platform.
 */
export async function insertEstablishment(tx: Executor, values: EstablishmentValues) {
  const base = slugify(values.name)
  const candidates = [
    base,
    `${base}-${values.uai.toLowerCase()}`,
    `${base}-${randomBytes(3).toString('hex')}`,
  ]
  for (const slug of candidates) {
    const [taken] = await tx
      .select({ id: establishments.id })
      .from(establishments)
      .where(eq(establishments.slug, slug))
    if (taken) continue
    const [row] = await tx
      .insert(establishments)
      .values({ ...values, slug })
      .onConflictDoNothing({ target: establishments.uai })
      .returning()
    return row ?? null
  }
  throw new Error(`no free slug for ${values.name}`)
}

/** The account of this address, created (unverified, no role) when there is none. */
export async function userForEmail(tx: Executor, email: string, name?: string | null) {
  const address = email.trim().toLowerCase()
  await tx
    .insert(users)
    .values({ email: address, name: name ?? null })
    .onConflictDoNothing({ target: users.email })
  const [row] = await tx.select().from(users).where(eq(users.email, address))
  return row!
}

/**
 * A platform operator creates an establishment; with a head's address, the head is invited
 * (the invitation core's link, role head). Audited in the new establishment's log.
 */
export async function createEstablishment(
  db: Database,
  input: NewEstablishmentFields,
  actor: { userId: string | null; label?: string },
): Promise<{ id: string; slug: string; invitationId: string | null }> {
  const city = checkedCommune(input.postcode, input.city)
  return db.transaction(async (tx) => {
    const row = await insertEstablishment(tx, {
      uai: input.uai,
      name: input.name,
      kind: input.kind,
      address: input.address || null,
      postcode: input.postcode,
      city,
      latitude: input.latitude,
      longitude: input.longitude,
      emailDomains: input.emailDomains,
    })
    if (!row)
      throw new UserFacingError('Cet établissement existe déjà.', {
        uai: ['Code UAI : un établissement de ce code est déjà sur la plateforme.'],
      })
    await recordAudit(tx, {
      establishmentId: row.id,
      actorUserId: actor.userId,
      actorLabel: actor.label ?? null,
      action: 'establishment.created',
      subjectType: 'establishment',
      subjectId: row.id,
      after: { uai: row.uai, name: row.name, city: row.city, headEmail: input.headEmail || null },
    })
    const invitation = input.headEmail
      ? await issueInvitation(tx, {
          establishmentId: row.id,
          email: input.headEmail,
          role: 'head',
          invitedByUserId: actor.userId,
          invitedByName: 'L’équipe de la plateforme Tremplin',
        })
      : null
    return { id: row.id, slug: row.slug, invitationId: invitation?.id ?? null }
  })
}

export const ESTABLISHMENTS_PAGE_SIZE = 20

/** The platform's list: search on name, city, UAI or postcode; pages of 20, by name. */
export async function searchEstablishments(
  db: Executor,
  params: { query: string; page: number; pageSize?: number },
) {
  const pageSize = params.pageSize ?? ESTABLISHMENTS_PAGE_SIZE
  const pattern = `%${params.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const where = params.query
    ? or(
        ilike(establishments.name, pattern),
        ilike(establishments.city, pattern),
        ilike(establishments.uai, pattern),
        ilike(establishments.postcode, pattern),
      )
    : undefined
  const [total] = await db.select({ n: count() }).from(establishments).where(where)
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / pageSize))
  const page = Math.min(Math.max(1, params.page), pages)
  const rows = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      kind: establishments.kind,
      postcode: establishments.postcode,
      city: establishments.city,
      createdAt: establishments.createdAt,
      heads: sql<number>`(select count(*)::int from memberships m where m.establishment_id = ${establishments.id} and m.role = 'head')`,
    })
    .from(establishments)
    .where(where)
    .orderBy(asc(establishments.name), asc(establishments.uai))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return { rows, total: total?.n ?? 0, page, pages }
}

/** Grants the platform operator's rights to an address (its account created if needed). */
export async function grantPlatformAdmin(db: Database, email: string) {
  return db.transaction(async (tx) => {
    const user = await userForEmail(tx, email)
    await tx.update(users).set({ platformAdmin: true }).where(eq(users.id, user.id))
    await recordAudit(tx, {
      establishmentId: null,
      actorUserId: null,
      actorLabel: 'npm run platform',
      action: 'platform_admin.granted',
      subjectType: 'user',
      subjectId: user.id,
      after: { email: user.email },
    })
    return { id: user.id, email: user.email, alreadyAdmin: user.platformAdmin }
  })
}

import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { db } from '@/db'
import { auditLog, emailOutbox, establishments, invitations, users } from '@/db/schema'
import {
  createEstablishment as createEstablishmentRow,
  createMember,
  createUser,
} from '@/db/test/factories'
import { uniqueUai } from '@/db/test/establishments'
import { UserFacingError } from '@/lib/errors'
import { createEstablishment, grantPlatformAdmin, searchEstablishments, slugify } from './creation'
import { newEstablishmentSchema } from './schemas'

const getViewer = vi.fn()
vi.mock('@/lib/auth/session', () => ({
  getViewer: () => getViewer(),
  requireViewer: () => getViewer(),
}))
const { platformAction } = await import('@/lib/auth/action-clients')

const input = (overrides: Record<string, unknown> = {}) =>
  newEstablishmentSchema.parse({
    name: 'Collège Jean Jaurès',
    uai: uniqueUai(),
    kind: 'college',
    address: '2 rue de la République',
    postcode: '31770',
    city: 'Colomiers',
    latitude: '43,6112',
    longitude: '1.3355',
    emailDomains: 'college-jaures.fr, ac-toulouse.fr',
    headEmail: '',
    ...overrides,
  })

beforeEach(() => getViewer.mockReset())

describe('a platform operator creating an establishment', () => {
  it('creates it with a readable slug and its coordinates, audited in its own log', async () => {
    const operator = await createUser(db)
    const name = `Collège Jean-Jaurès ${uniqueUai()}`
    const fields = input({ name })
    const created = await createEstablishment(db, fields, { userId: operator.id })
    const [row] = await db.select().from(establishments).where(eq(establishments.id, created.id))
    expect(row).toMatchObject({
      uai: fields.uai,
      slug: slugify(name),
      latitude: 43.6112,
      longitude: 1.3355,
      emailDomains: ['college-jaures.fr', 'ac-toulouse.fr'],
    })
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, created.id))
    expect(audit.map((a) => [a.action, a.establishmentId, a.actorUserId])).toEqual([
      ['establishment.created', created.id, operator.id],
    ])
    // The same name again gets another slug; the same UAI is refused on its field.
    const second = await createEstablishment(db, input({ name }), { userId: operator.id })
    expect(second.slug).toBe(`${slugify(name)}-${second.slug.split('-').pop()}`)
    expect(second.slug).not.toBe(slugify(name))
    const error = await createEstablishment(db, input({ uai: fields.uai }), {
      userId: operator.id,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as UserFacingError).fieldErrors.uai?.[0]).toMatch(/déjà sur la plateforme/)
  })

  it('invites the first head by email through the invitation core', async () => {
    const operator = await createUser(db)
    const headEmail = `chef-${uniqueUai().toLowerCase()}@college-jaures.fr`
    const created = await createEstablishment(db, input({ headEmail }), { userId: operator.id })
    const [invitation] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.establishmentId, created.id))
    expect(invitation).toMatchObject({ email: headEmail, role: 'head', id: created.invitationId })
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, headEmail))
    expect(email!.template).toBe('invitation')
    expect(email!.text).toContain('Direction de l’établissement')
  })

  it('refuses a commune that does not match the postcode', async () => {
    const error = await createEstablishment(db, input({ city: 'Toulouse' }), {
      userId: null,
    }).catch((e: unknown) => e)
    expect((error as UserFacingError).fieldErrors.city).toBeDefined()
  })

  it('lists establishments by name, searched by name, city or UAI, a page at a time', async () => {
    const tag = uniqueUai().slice(0, 7)
    for (let i = 0; i < 3; i++)
      await createEstablishment(db, input({ name: `Lycée ${tag} ${i}` }), { userId: null })
    const first = await searchEstablishments(db, { query: tag, page: 1, pageSize: 2 })
    expect(first).toMatchObject({ total: 3, pages: 2, page: 1 })
    expect(first.rows.map((r) => r.name)).toEqual([`Lycée ${tag} 0`, `Lycée ${tag} 1`])
    const last = await searchEstablishments(db, { query: tag, page: 9, pageSize: 2 })
    expect(last.page).toBe(2)
    expect(last.rows.map((r) => r.name)).toEqual([`Lycée ${tag} 2`])
    expect((await searchEstablishments(db, { query: '%', page: 1 })).total).toBe(0)
  })

  it('makes slugs from names without accents or punctuation', () => {
    expect(slugify('Collège Jean-Jaurès (Colomiers)')).toBe('college-jean-jaures-colomiers')
    expect(slugify('---')).toBe('etablissement')
  })
})

describe('platform operators', () => {
  const schema = z.object({ name: z.string() })

  it('only they pass the platform’s action client; staff and heads are refused', async () => {
    const establishment = await createEstablishmentRow(db)
    const head = await createMember(db, establishment.id, 'head')
    const admin = await createMember(db, establishment.id, 'admin')
    const body = vi.fn(async () => 'done')
    const action = platformAction(schema, body)
    for (const person of [head, admin]) {
      getViewer.mockResolvedValue({ user: person, memberships: [], establishmentId: null })
      expect(await action({ name: 'x' })).toEqual({
        ok: false,
        fieldErrors: {},
        formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
      })
    }
    getViewer.mockResolvedValue(null)
    expect(await action({ name: 'x' })).toMatchObject({ formError: 'Vous devez être connecté.' })
    expect(body).not.toHaveBeenCalled()
    // Each refusal is on record, like a staff action's.
    const refusals = await db
      .select({ actor: auditLog.actorUserId, subject: auditLog.subjectId })
      .from(auditLog)
      .where(eq(auditLog.action, 'access.refused'))
    expect(refusals).toEqual(
      expect.arrayContaining([
        { actor: head.id, subject: 'platform.admin' },
        { actor: admin.id, subject: 'platform.admin' },
      ]),
    )

    const granted = await grantPlatformAdmin(db, head.email.toUpperCase())
    expect(granted).toMatchObject({ id: head.id, alreadyAdmin: false })
    getViewer.mockResolvedValue({ user: head, memberships: [], establishmentId: null })
    expect(await action({ name: 'x' })).toEqual({ ok: true, data: 'done' })
  })

  it('are granted by address, the account created when there is none', async () => {
    const email = `operateur-${uniqueUai().toLowerCase()}@tremplin.example`
    const granted = await grantPlatformAdmin(db, email)
    const [row] = await db.select().from(users).where(eq(users.email, email))
    expect(row).toMatchObject({ id: granted.id, platformAdmin: true })
    expect((await grantPlatformAdmin(db, email)).alreadyAdmin).toBe(true)
  })
})

import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog } from '@/db/schema'
import { createEstablishment, createMember } from '@/db/test/factories'
import { AuthorizationError } from '@/lib/errors'
import { establishmentById } from '@/lib/establishments/establishments'
import { noticeOf, resetNotice, saveNotice } from './notices'
import { noticeSchema } from './notice-schemas'

const ownText =
  'Données personnelles du lycée : contactez le délégué à la protection des données de l’académie, dpd@ac-exemple.fr.'

async function setup() {
  const establishment = await createEstablishment(db)
  const admin = await createMember(db, establishment.id, 'admin')
  return { establishment: (await establishmentById(db, establishment.id))!, admin }
}

describe('establishment notices', () => {
  it('shows the platform text, naming the establishment, until the establishment writes its own', async () => {
    const { establishment, admin } = await setup()
    const before = await noticeOf(db, 'privacy', establishment)
    expect(before.isDefault).toBe(true)
    expect(before.body).toContain(establishment.name)
    expect(before.body).toMatch(/CNIL/)

    await saveNotice(
      db,
      { establishmentId: establishment.id, actorUserId: admin.id },
      noticeSchema.parse({ kind: 'privacy', body: ownText }),
    )
    const after = await noticeOf(db, 'privacy', establishment)
    expect(after).toMatchObject({ isDefault: false, body: ownText })
    expect(after.updatedAt).toBeInstanceOf(Date)
    // The other pages keep the platform's text; the platform's own page is untouched.
    expect((await noticeOf(db, 'legal', establishment)).isDefault).toBe(true)
    expect((await noticeOf(db, 'privacy', null)).body).not.toContain(ownText)

    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.establishmentId, establishment.id), eq(auditLog.action, 'notice.updated')),
      )
    expect(audit).toHaveLength(1)
    expect(audit[0]!.after).toEqual({ kind: 'privacy', body: ownText })
  })

  it('goes back to the platform text when reset', async () => {
    const { establishment, admin } = await setup()
    const scope = { establishmentId: establishment.id, actorUserId: admin.id }
    await saveNotice(db, scope, noticeSchema.parse({ kind: 'legal', body: ownText }))
    await resetNotice(db, scope, 'legal')
    expect((await noticeOf(db, 'legal', establishment)).isDefault).toBe(true)
  })

  it('refuses an admin of another establishment, and a coordinator of this one', async () => {
    const { establishment } = await setup()
    const other = await createEstablishment(db)
    const otherAdmin = await createMember(db, other.id, 'admin')
    const coordinator = await createMember(db, establishment.id, 'coordinator')
    const input = noticeSchema.parse({ kind: 'accessibility', body: ownText })
    for (const actor of [otherAdmin, coordinator]) {
      await expect(
        saveNotice(db, { establishmentId: establishment.id, actorUserId: actor.id }, input),
      ).rejects.toBeInstanceOf(AuthorizationError)
      await expect(
        resetNotice(
          db,
          { establishmentId: establishment.id, actorUserId: actor.id },
          'accessibility',
        ),
      ).rejects.toBeInstanceOf(AuthorizationError)
    }
    expect((await noticeOf(db, 'accessibility', establishment)).isDefault).toBe(true)
  })

  it('refuses control characters and too short texts, keeps line breaks', () => {
    expect(noticeSchema.safeParse({ kind: 'privacy', body: `${ownText}\u0000` }).success).toBe(
      false,
    )
    expect(noticeSchema.safeParse({ kind: 'privacy', body: 'Trop court.' }).success).toBe(false)
    expect(noticeSchema.parse({ kind: 'privacy', body: `${ownText}\r\n\r\nSuite.` }).body).toBe(
      `${ownText}\n\nSuite.`,
    )
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { establishments, memberships, sessions } from '@/db/schema'
import { createEstablishment, createMember, createUser } from '@/db/test/factories'
import { chooseSessionEstablishment } from './session-establishment'

async function openSession(userId: string) {
  const token = crypto.randomUUID()
  await db
    .insert(sessions)
    .values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) })
  return token
}
const activeOf = async (token: string) =>
  (await db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0]!
    .activeEstablishmentId

describe('choosing the establishment a session works in', () => {
  it('is kept on that session only, for a member of the establishment', async () => {
    const [a, b] = [await createEstablishment(db), await createEstablishment(db)]
    const person = await createMember(db, a.id, 'coordinator')
    await db
      .insert(memberships)
      .values({ userId: person.id, establishmentId: b.id, role: 'reviewer' })
    const [phone, laptop] = [await openSession(person.id), await openSession(person.id)]

    await chooseSessionEstablishment(db, {
      sessionToken: phone,
      userId: person.id,
      establishmentId: b.id,
    })
    expect(await activeOf(phone)).toBe(b.id)
    expect(await activeOf(laptop)).toBeNull()
  })

  it('refuses an establishment the person is not a member of', async () => {
    const [a, other] = [await createEstablishment(db), await createEstablishment(db)]
    const person = await createMember(db, a.id, 'reviewer')
    const token = await openSession(person.id)
    await expect(
      chooseSessionEstablishment(db, {
        sessionToken: token,
        userId: person.id,
        establishmentId: other.id,
      }),
    ).rejects.toThrow('Vous n’êtes pas membre de cet établissement.')
    expect(await activeOf(token)).toBeNull()
  })

  it('cannot change someone else’s session', async () => {
    const a = await createEstablishment(db)
    const owner = await createMember(db, a.id, 'reviewer')
    const intruder = await createMember(db, a.id, 'coordinator')
    const token = await openSession(owner.id)
    await expect(
      chooseSessionEstablishment(db, {
        sessionToken: token,
        userId: intruder.id,
        establishmentId: a.id,
      }),
    ).rejects.toThrow('Votre session a expiré')
    expect(await activeOf(token)).toBeNull()
  })

  it('falls back when the establishment is deleted', async () => {
    const [a, b] = [await createEstablishment(db), await createEstablishment(db)]
    const person = await createUser(db)
    await db.insert(memberships).values([
      { userId: person.id, establishmentId: a.id, role: 'reviewer' },
      { userId: person.id, establishmentId: b.id, role: 'reviewer' },
    ])
    const token = await openSession(person.id)
    await chooseSessionEstablishment(db, {
      sessionToken: token,
      userId: person.id,
      establishmentId: b.id,
    })
    await db.delete(memberships).where(eq(memberships.establishmentId, b.id))
    await db.delete(establishments).where(eq(establishments.id, b.id))
    expect(await activeOf(token)).toBeNull()
  })
})

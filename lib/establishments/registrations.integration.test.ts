import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  auditLog,
  emailOutbox,
  establishmentRegistrations,
  establishments,
  memberships,
  users,
} from '@/db/schema'
import { createUser } from '@/db/test/factories'
import { registrationInput } from '@/db/test/establishments'
import { hashLinkToken } from '@/lib/auth/link-tokens'
import { UserFacingError } from '@/lib/errors'
import {
  approveRegistration,
  confirmRegistration,
  findRegistrationByToken,
  rejectRegistration,
  registrationLinkMessages,
  startRegistration,
} from './registrations'

const HOUR = 3600_000

async function outboxTo(address: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address))
}

async function auditOf(subjectId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId))
  return rows.map((r) => r.action).sort()
}

async function confirmed() {
  const input = registrationInput()
  const { id, token } = await startRegistration(db, input)
  await confirmRegistration(db, token)
  return { input, id, token }
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UserFacingError)
  return error as UserFacingError
}

describe('a head registering their establishment', () => {
  it('emails a 48-hour link whose token is stored hashed, spells the commune as INSEE does, and waits for the address', async () => {
    const input = registrationInput({ city: 'colomiers' })
    const { id, token } = await startRegistration(db, input)
    const [row] = await db
      .select()
      .from(establishmentRegistrations)
      .where(eq(establishmentRegistrations.id, id))
    expect(row).toMatchObject({
      status: 'awaiting_email',
      city: 'Colomiers',
      tokenHash: hashLinkToken(token),
    })
    expect(row!.expiresAt!.getTime() - row!.createdAt.getTime()).toBe(48 * HOUR)
    const [email] = await outboxTo(input.headEmail)
    expect(email!.template).toBe('registration-confirmation')
    expect(email!.text).toContain(`/inscription-etablissement/confirmer/${token}`)
    expect(email!.text).not.toContain(row!.tokenHash!)
    expect(await auditOf(id)).toEqual(['establishment_registration.submitted'])
  })

  it('confirms once: the link then says the address is confirmed, and the request awaits approval', async () => {
    const operator = await createUser(db)
    await db.update(users).set({ platformAdmin: true }).where(eq(users.id, operator.id))
    const input = registrationInput()
    const { id, token } = await startRegistration(db, input)
    expect(await findRegistrationByToken(db, token)).toMatchObject({ ok: true })
    const row = await confirmRegistration(db, token)
    expect(row.status).toBe('awaiting_approval')
    expect(row.emailConfirmedAt).toBeInstanceOf(Date)
    expect(await findRegistrationByToken(db, token)).toEqual({ ok: false, problem: 'used' })
    // The operators are told a registration waits for them.
    const [notice] = await outboxTo(operator.email)
    expect(notice!.template).toBe('registration-awaiting-approval')
    expect(notice!.text).toContain('/plateforme/inscriptions')
    const again = await rejection(confirmRegistration(db, token))
    expect(again.message).toBe(registrationLinkMessages.used)
    expect(await auditOf(id)).toEqual([
      'establishment_registration.confirmed',
      'establishment_registration.submitted',
    ])
  })

  it('refuses a link after 48 hours, and an unknown one, with their own French message', async () => {
    const start = new Date()
    const { id, token } = await startRegistration(db, registrationInput(), { now: start })
    const late = new Date(start.getTime() + 48 * HOUR + 1000)
    expect(await findRegistrationByToken(db, token, late)).toEqual({
      ok: false,
      problem: 'expired',
    })
    const expired = await rejection(confirmRegistration(db, token, late))
    expect(expired.message).toBe(registrationLinkMessages.expired)
    const [row] = await db
      .select({ status: establishmentRegistrations.status })
      .from(establishmentRegistrations)
      .where(eq(establishmentRegistrations.id, id))
    expect(row!.status).toBe('awaiting_email')
    const forged = 'A'.repeat(43)
    expect(await findRegistrationByToken(db, forged)).toEqual({ ok: false, problem: 'unknown' })
    expect((await rejection(confirmRegistration(db, forged))).message).toBe(
      registrationLinkMessages.unknown,
    )
  })

  it('refuses a commune that does not match the postcode, on the commune field', async () => {
    const error = await rejection(
      startRegistration(db, registrationInput({ postcode: '31700', city: 'Colomiers' })),
    )
    expect(error.fieldErrors.city?.[0]).toMatch(/^Commune : choisissez-la/)
  })

  it('sends at most 3 registration emails an hour to one mailbox (a +tag is the same mailbox)', async () => {
    const base = registrationInput()
    const address = (tag: string) => base.headEmail.replace('@', `+${tag}@`)
    for (const tag of ['a', 'b', 'c'])
      await startRegistration(db, registrationInput({ headEmail: address(tag) }))
    const error = await rejection(
      startRegistration(db, registrationInput({ headEmail: address('d') })),
    )
    expect(error.message).toMatch(/Trop de demandes d’inscription/)
    expect(await outboxTo(address('d'))).toHaveLength(0)
  })

  it('approval creates the establishment and makes the registrant its head, emails them, and is audited', async () => {
    const operator = await createUser(db)
    const { input, id } = await confirmed()
    const { establishmentId } = await approveRegistration(db, {
      registrationId: id,
      actorUserId: operator.id,
    })
    const [establishment] = await db
      .select()
      .from(establishments)
      .where(eq(establishments.id, establishmentId))
    expect(establishment).toMatchObject({
      uai: input.uai,
      name: input.name,
      kind: 'college',
      postcode: '31770',
      city: 'Colomiers',
      emailDomains: ['college-test.fr'],
    })
    const [head] = await db.select().from(users).where(eq(users.email, input.headEmail))
    expect(head!.name).toBe('Claire Durand')
    const roles = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(eq(memberships.userId, head!.id), eq(memberships.establishmentId, establishmentId)),
      )
    expect(roles).toEqual([{ role: 'head' }])
    const emails = (await outboxTo(input.headEmail)).map((e) => e.template).sort()
    expect(emails).toEqual(['registration-approved', 'registration-confirmation'])
    expect(await auditOf(establishmentId)).toEqual(['establishment.created'])
    expect(await auditOf(id)).toContain('establishment_registration.approved')
    // A second decision finds it decided; a new registration of the same school is refused.
    expect(
      (await rejection(approveRegistration(db, { registrationId: id, actorUserId: operator.id })))
        .message,
    ).toBe('Cette demande a déjà été traitée.')
    const again = await rejection(startRegistration(db, registrationInput({ uai: input.uai })))
    expect(again.fieldErrors.uai?.[0]).toMatch(/déjà inscrit/)
  })

  it('approval needs the confirmed address first', async () => {
    const operator = await createUser(db)
    const { id } = await startRegistration(db, registrationInput())
    const error = await rejection(
      approveRegistration(db, { registrationId: id, actorUserId: operator.id }),
    )
    expect(error.message).toMatch(/attend encore la confirmation/)
  })

  it('rejection keeps the reason, emails it, creates nothing and is audited', async () => {
    const operator = await createUser(db)
    const { input, id } = await confirmed()
    const reason = 'Adresse hors du domaine de l’établissement.'
    await rejectRegistration(db, { registrationId: id, reason, actorUserId: operator.id })
    const [row] = await db
      .select()
      .from(establishmentRegistrations)
      .where(eq(establishmentRegistrations.id, id))
    expect(row).toMatchObject({
      status: 'rejected',
      rejectionReason: reason,
      decidedByUserId: operator.id,
    })
    const rejected = (await outboxTo(input.headEmail)).find(
      (e) => e.template === 'registration-rejected',
    )
    expect(rejected!.text).toContain(reason)
    const created = await db.select().from(establishments).where(eq(establishments.uai, input.uai))
    expect(created).toEqual([])
    expect(await auditOf(id)).toContain('establishment_registration.rejected')
    // A school refused may register again.
    await expect(startRegistration(db, registrationInput({ uai: input.uai }))).resolves.toBeTruthy()
  })
})

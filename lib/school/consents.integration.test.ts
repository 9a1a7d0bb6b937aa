import { and, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog, consentRequests, emailOutbox, parentalConsents } from '@/db/schema'
import { createEstablishment, createMember, createUser } from '@/db/test/factories'
import { createClass, createSchoolYear, createStudent, grantConsent } from '@/db/test/school'
import { storage } from '@/lib/storage'
import { schoolScopeOf, type SchoolScope } from './class-scope'
import {
  confirmConsent,
  openConsentLink,
  withdrawConsentByLink,
  type ConsentLinkView,
} from './consent-link'
import { sendDueConsentReminders } from './consent-reminders'
import {
  recordUploadedConsent,
  remindConsentLink,
  sendConsentLink,
  withdrawConsent,
  type ConsentActor,
} from './consents'
import { classInScope, classProgress, studentSituations } from './dashboards'
import { studentAccessOf } from './student-access'

const DAY = 24 * 3600_000
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)
const answer = {
  guardianName: 'Claire Martin',
  relationship: 'mere' as const,
  accepted: true as const,
}

/** A collège with two classes, each with its main teacher, and a minor pupil with an account in each. */
async function setup() {
  const establishment = await createEstablishment(db)
  const teacherA = await createMember(db, establishment.id, 'main_teacher')
  const teacherB = await createMember(db, establishment.id, 'main_teacher')
  const year = await createSchoolYear(db, establishment.id)
  const classA = await createClass(db, {
    establishmentId: establishment.id,
    schoolYearId: year.id,
    name: '3e A',
    mainTeacherUserIds: [teacherA.id],
  })
  const classB = await createClass(db, {
    establishmentId: establishment.id,
    schoolYearId: year.id,
    name: '3e B',
    mainTeacherUserIds: [teacherB.id],
  })
  const pupilUser = await createUser(db)
  const pupil = await createStudent(db, {
    establishmentId: establishment.id,
    schoolClass: classA,
    userId: pupilUser.id,
    firstName: 'Lucas',
  })
  const other = await createStudent(db, { establishmentId: establishment.id, schoolClass: classB })
  const mainTeacher = (user: { id: string }): SchoolScope =>
    schoolScopeOf({ establishmentId: establishment.id, user, may: () => false })
  const actorA: ConsentActor = { scope: mainTeacher(teacherA), userId: teacherA.id, name: 'M. A' }
  const actorB: ConsentActor = { scope: mainTeacher(teacherB), userId: teacherB.id, name: 'M. B' }
  return { establishment, teacherA, classA, classB, pupil, pupilUser, other, actorA, actorB }
}

async function emailsTo(address: string) {
  return db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address.toLowerCase()))
    .orderBy(emailOutbox.createdAt)
}

const tokenIn = (text: string) => /\/consentement\/([A-Za-z0-9_-]{43})/.exec(text)?.[1]

async function gateOf(userId: string, establishmentId: string, now?: Date) {
  const access = await studentAccessOf(db, { userId, establishmentId, now })
  return access?.allowed
}

describe('parental consent: the signed form', () => {
  it('records an uploaded PDF (checked from its bytes), which opens the student features at once', async () => {
    const { pupil, pupilUser, establishment, actorA } = await setup()
    expect(await gateOf(pupilUser.id, establishment.id)).toBe(false)
    await expect(
      recordUploadedConsent(db, {
        actor: actorA,
        studentId: pupil.id,
        bytes: Buffer.from('<html>not a pdf</html>'),
        originalName: 'autorisation.pdf',
      }),
    ).rejects.toThrow(/n’est pas un PDF, JPEG ou PNG valide/)
    const consent = await recordUploadedConsent(db, {
      actor: actorA,
      studentId: pupil.id,
      bytes: pdf,
      originalName: 'autorisation signée.pdf',
    })
    expect(consent).toMatchObject({ method: 'upload', documentName: 'autorisation signée.pdf' })
    expect(await storage().get(consent.documentKey!)).not.toBeNull()
    expect(await gateOf(pupilUser.id, establishment.id)).toBe(true)
    await expect(
      recordUploadedConsent(db, {
        actor: actorA,
        studentId: pupil.id,
        bytes: pdf,
        originalName: 'x.pdf',
      }),
    ).rejects.toThrow('Une autorisation parentale est déjà en vigueur pour cet élève.')
  })

  it('refuses a main teacher another class’s pupil, as if the pupil did not exist', async () => {
    const { other, actorA, classB } = await setup()
    await expect(
      recordUploadedConsent(db, {
        actor: actorA,
        studentId: other.id,
        bytes: pdf,
        originalName: 'a.pdf',
      }),
    ).rejects.toThrow('Élève introuvable.')
    await expect(
      sendConsentLink(db, { actor: actorA, studentId: other.id, guardianEmail: 'x@test.example' }),
    ).rejects.toThrow('Élève introuvable.')
    await expect(withdrawConsent(db, { actor: actorA, studentId: other.id })).rejects.toThrow(
      'Élève introuvable.',
    )
    await expect(remindConsentLink(db, { actor: actorA, studentId: other.id })).rejects.toThrow(
      'Élève introuvable.',
    )
    expect(await classInScope(db, actorA.scope, classB.id)).toBeNull()
    const rows = await studentSituations(db, actorA.scope)
    expect(rows.map((r) => r.id)).not.toContain(other.id)
    expect(await studentSituations(db, actorA.scope, { classId: classB.id })).toEqual([])
  })

  it('asks nothing of an adult pupil', async () => {
    const { establishment, classA, actorA } = await setup()
    const adult = await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: classA,
      birthDate: '2000-01-01',
    })
    await expect(
      sendConsentLink(db, { actor: actorA, studentId: adult.id, guardianEmail: 'p@test.example' }),
    ).rejects.toThrow(/majeur/)
  })
})

describe('parental consent: the emailed link', () => {
  it('lets the representative confirm once (name, relationship, time, IP), with a receipt, and a reused link says so', async () => {
    const { pupil, pupilUser, establishment, actorA } = await setup()
    const guardian = `parent-${pupil.id.slice(0, 8)}@test.example`
    const t0 = new Date()
    const { token } = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: guardian.toUpperCase(),
      guardianName: 'Claire Martin',
      now: t0,
    })
    const [request] = await emailsTo(guardian)
    expect(request!.template).toBe('consent-request')
    expect(tokenIn(request!.text)).toBe(token)
    const [row] = await db
      .select()
      .from(consentRequests)
      .where(eq(consentRequests.studentId, pupil.id))
    expect(row!.tokenHash).not.toContain(token)
    expect(row!.expiresAt.getTime() - t0.getTime()).toBe(30 * DAY)

    const opened = (await openConsentLink(db, token))!
    expect(opened.state).toBe('open')
    expect(opened.statement).toContain('J’autorise Lucas')

    await confirmConsent(db, { token, input: answer, ip: '203.0.113.9' })
    const [consent] = await db
      .select()
      .from(parentalConsents)
      .where(eq(parentalConsents.studentId, pupil.id))
    expect(consent).toMatchObject({
      method: 'link',
      guardianName: 'Claire Martin',
      relationship: 'mere',
      guardianEmail: guardian,
      ip: '203.0.113.9',
      withdrawnAt: null,
    })
    expect(await gateOf(pupilUser.id, establishment.id)).toBe(true)
    const receipt = (await emailsTo(guardian)).find((e) => e.template === 'consent-receipt')
    expect(receipt!.text).toContain('J’autorise Lucas')
    expect(tokenIn(receipt!.text)).toBe(token)

    expect((await openConsentLink(db, token))!.state).toBe('consented')
    await expect(confirmConsent(db, { token, input: answer })).rejects.toThrow(
      'Vous avez déjà donné votre autorisation par ce lien.',
    )
    expect(
      await db.select().from(parentalConsents).where(eq(parentalConsents.studentId, pupil.id)),
    ).toHaveLength(1)
  })

  it('says an expired link has expired, and takes no answer through it', async () => {
    const { pupil, actorA } = await setup()
    const t0 = new Date()
    const { token } = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: 'late@test.example',
      now: t0,
    })
    const later = new Date(t0.getTime() + 31 * DAY)
    expect((await openConsentLink(db, token, later))!.state).toBe('expired')
    await expect(confirmConsent(db, { token, input: answer, now: later })).rejects.toThrow(
      /Ce lien a expiré le/,
    )
  })

  it('keeps only the newest link working, and knows no made-up one', async () => {
    const { pupil, actorA } = await setup()
    const first = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: 'a@test.example',
    })
    const second = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: 'b@test.example',
    })
    expect((await openConsentLink(db, first.token))!.state).toBe('replaced')
    expect((await openConsentLink(db, second.token))!.state).toBe('open')
    expect(await openConsentLink(db, 'x'.repeat(43))).toBeNull()
  })

  it('lets the representative withdraw through the same link; the pupil loses access, and the link then says it was withdrawn', async () => {
    const { pupil, pupilUser, establishment, actorA } = await setup()
    const { token } = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: 'w@test.example',
    })
    await confirmConsent(db, { token, input: answer })
    await withdrawConsentByLink(db, { token, ip: '203.0.113.10' })
    expect(await gateOf(pupilUser.id, establishment.id)).toBe(false)
    const view = (await openConsentLink(db, token)) as ConsentLinkView
    expect(view.state).toBe('withdrawn')
    await expect(withdrawConsentByLink(db, { token })).rejects.toThrow(
      /L’autorisation a été retirée/,
    )
    await expect(confirmConsent(db, { token, input: answer })).rejects.toThrow(
      /L’autorisation a été retirée/,
    )
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, pupil.id), eq(auditLog.action, 'consent.withdrawn')))
    expect(entry!.ip).toBe('203.0.113.10')
  })

  it('staff withdrawal revokes the links still out, which then say the consent was withdrawn', async () => {
    const { pupil, actorA } = await setup()
    const { token } = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: 'open@test.example',
    })
    // A consent in force while a link is out (recorded by another path).
    await grantConsent(db, pupil.id)
    await withdrawConsent(db, { actor: actorA, studentId: pupil.id })
    const [request] = await db
      .select()
      .from(consentRequests)
      .where(eq(consentRequests.studentId, pupil.id))
    expect(request!.revokedAt).not.toBeNull()
    const view = (await openConsentLink(db, token))!
    expect(view.state).toBe('withdrawn')
    await expect(confirmConsent(db, { token, input: answer })).rejects.toThrow(
      /L’autorisation a été retirée/,
    )
    await expect(withdrawConsent(db, { actor: actorA, studentId: pupil.id })).rejects.toThrow(
      'Aucune autorisation en vigueur à retirer pour cet élève.',
    )
  })
})

describe('reminders to the representative', () => {
  it('go 7, 14 and 21 days after sending, exactly once each, even from two instances at once, and then stop', async () => {
    const { pupil, actorA } = await setup()
    const guardian = `remind-${pupil.id.slice(0, 8)}@test.example`
    // Far in the future, so that other tests' requests are not due at these times.
    const t0 = new Date(Date.now() + 400 * DAY)
    const { token } = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: guardian,
      now: t0,
    })
    const at = (days: number) => new Date(t0.getTime() + days * DAY + 60_000)
    const reminders = async () =>
      db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.toAddress, guardian),
            like(emailOutbox.dedupeKey, 'consent-reminder:%'),
          ),
        )

    await sendDueConsentReminders(db, at(6))
    expect(await reminders()).toHaveLength(0)
    await Promise.all([sendDueConsentReminders(db, at(7)), sendDueConsentReminders(db, at(7))])
    await sendDueConsentReminders(db, at(8))
    expect(await reminders()).toHaveLength(1)
    // The reminder carries a fresh link; the first one stops working.
    const [first] = await reminders()
    const fresh = tokenIn(first!.text)!
    expect(fresh).not.toBe(token)
    expect(await openConsentLink(db, token, at(7))).toBeNull()
    expect((await openConsentLink(db, fresh, at(7)))!.state).toBe('open')

    await Promise.all([sendDueConsentReminders(db, at(14)), sendDueConsentReminders(db, at(14))])
    await sendDueConsentReminders(db, at(21))
    await sendDueConsentReminders(db, at(28))
    const all = await reminders()
    expect(all.map((e) => e.dedupeKey).sort()).toEqual(
      [1, 2, 3].map((step) => `consent-reminder:${all[0]!.dedupeKey!.split(':')[1]}:${step}`),
    )
    expect(all.every((e) => e.subject.startsWith('Rappel'))).toBe(true)
  })

  it('stop once the representative has answered', async () => {
    const { pupil, actorA } = await setup()
    const guardian = `answered-${pupil.id.slice(0, 8)}@test.example`
    const t0 = new Date(Date.now() + 500 * DAY)
    const { token } = await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: guardian,
      now: t0,
    })
    await confirmConsent(db, { token, input: answer, now: new Date(t0.getTime() + DAY) })
    await sendDueConsentReminders(db, new Date(t0.getTime() + 8 * DAY))
    const sent = await emailsTo(guardian)
    expect(sent.map((e) => e.template)).toEqual(['consent-request', 'consent-receipt'])
  })

  it('the main teacher’s "Relancer" sends once a day, with a fresh link, and postpones the automatic one', async () => {
    const { pupil, actorA } = await setup()
    const guardian = `manual-${pupil.id.slice(0, 8)}@test.example`
    const t0 = new Date(Date.now() + 600 * DAY)
    await sendConsentLink(db, {
      actor: actorA,
      studentId: pupil.id,
      guardianEmail: guardian,
      now: t0,
    })
    const day5 = new Date(t0.getTime() + 5 * DAY)
    await remindConsentLink(db, { actor: actorA, studentId: pupil.id, now: day5 })
    await expect(
      remindConsentLink(db, { actor: actorA, studentId: pupil.id, now: day5 }),
    ).rejects.toThrow(/déjà été envoyée aujourd’hui/)
    await sendDueConsentReminders(db, new Date(t0.getTime() + 8 * DAY))
    expect(await emailsTo(guardian)).toHaveLength(2)
    await sendDueConsentReminders(db, new Date(t0.getTime() + 12 * DAY + 60_000))
    expect(await emailsTo(guardian)).toHaveLength(3)
  })
})

describe('dashboards', () => {
  it('count each class’s students, accounts, minors without consent and those ready, in one query', async () => {
    const { establishment, classA, classB, pupil } = await setup()
    await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: classA,
      birthDate: '2000-01-01',
      userId: (await createUser(db)).id,
    })
    await createStudent(db, {
      establishmentId: establishment.id,
      schoolClass: classA,
      birthDate: null,
    })
    await grantConsent(db, pupil.id)
    const all = await classProgress(db, { establishmentId: establishment.id })
    const a = all.find((c) => c.id === classA.id)!
    expect(a).toMatchObject({
      students: 3,
      accounts: 2,
      minors: 2,
      minorsWithoutConsent: 1,
      ready: 2,
    })
    expect(all.find((c) => c.id === classB.id)).toMatchObject({
      students: 1,
      minorsWithoutConsent: 1,
    })
    const situations = await studentSituations(
      db,
      { establishmentId: establishment.id },
      { classId: classA.id },
    )
    expect(situations.map((s) => s.consent).sort()).toEqual(['in_force', 'missing', 'not_required'])
  })
})

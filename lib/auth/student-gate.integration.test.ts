import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { db } from '@/db'
import { createEstablishment, createUser } from '@/db/test/factories'
import { createClass, createSchoolYear, createStudent, grantConsent } from '@/db/test/school'
import { withdrawConsent } from '@/lib/school/consents'
import { consentRequiredMessage } from '@/lib/school/student-access'

// The gate on the student features, through the same clients pages and actions use, on a
// real database: only the session is played.
const viewer = vi.fn()
vi.mock('./session', () => ({
  getViewer: () => viewer(),
  requireViewer: async () => {
    const v = await viewer()
    if (!v) throw new Error('redirect:/connexion')
    return v
  },
}))
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`)
  },
  forbidden: () => {
    throw new Error('forbidden')
  },
}))

const { studentAction } = await import('./action-clients')
const { requireStudent, requireStudentRecord, CONSENT_REQUIRED_PATH } =
  await import('./require-student')

async function pupil(options: { birthDate?: string | null; consent?: boolean } = {}) {
  const establishment = await createEstablishment(db)
  const year = await createSchoolYear(db, establishment.id)
  const schoolClass = await createClass(db, {
    establishmentId: establishment.id,
    schoolYearId: year.id,
  })
  const user = await createUser(db)
  const student = await createStudent(db, {
    establishmentId: establishment.id,
    schoolClass,
    userId: user.id,
    birthDate: options.birthDate === undefined ? '2012-03-14' : options.birthDate,
  })
  if (options.consent) await grantConsent(db, student.id)
  const session = {
    user: { id: user.id, email: user.email, name: null },
    memberships: [],
    establishmentId: establishment.id,
  }
  return { establishment, student, user, session }
}

const body = vi.fn<
  (input: { note: string }, context: { student: { id: string } }) => Promise<number>
>(async (input) => input.note.length)
const action = studentAction(z.object({ note: z.string() }), body)

beforeEach(() => {
  viewer.mockReset()
  body.mockClear()
})

describe('studentAction', () => {
  it('refuses a minor without consent, with the French explanation, before running anything', async () => {
    const { session } = await pupil()
    viewer.mockResolvedValue(session)
    expect(await action({ note: 'x' })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: consentRequiredMessage,
    })
    expect(body).not.toHaveBeenCalled()
  })

  it('refuses a pupil whose birth date is unknown, as a minor', async () => {
    const { session } = await pupil({ birthDate: null })
    viewer.mockResolvedValue(session)
    expect(await action({ note: 'x' })).toMatchObject({
      ok: false,
      formError: consentRequiredMessage,
    })
  })

  it('runs for a minor with consent, and for an adult, with their own record', async () => {
    const minor = await pupil({ consent: true })
    viewer.mockResolvedValue(minor.session)
    expect(await action({ note: 'abc' })).toEqual({ ok: true, data: 3 })
    expect(body.mock.calls[0]![1].student.id).toBe(minor.student.id)
    const adult = await pupil({ birthDate: '2000-01-01' })
    viewer.mockResolvedValue(adult.session)
    expect(await action({ note: 'ab' })).toEqual({ ok: true, data: 2 })
  })

  it('closes again the moment consent is withdrawn', async () => {
    const { session, student, establishment } = await pupil({ consent: true })
    viewer.mockResolvedValue(session)
    expect(await action({ note: 'x' })).toMatchObject({ ok: true })
    await withdrawConsent(db, {
      actor: { scope: { establishmentId: establishment.id }, userId: (await createUser(db)).id },
      studentId: student.id,
    })
    expect(await action({ note: 'x' })).toMatchObject({
      ok: false,
      formError: consentRequiredMessage,
    })
  })

  it('refuses the signed-out, and people with no student record in their establishment', async () => {
    viewer.mockResolvedValue(null)
    expect(await action({ note: 'x' })).toMatchObject({ formError: 'Vous devez être connecté.' })
    const { session } = await pupil({ consent: true })
    const stranger = await createUser(db)
    viewer.mockResolvedValue({
      ...session,
      user: { id: stranger.id, email: stranger.email, name: null },
    })
    expect(await action({ note: 'x' })).toMatchObject({
      formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
    })
    // The pupil's own account, but working in another establishment.
    const elsewhere = await createEstablishment(db)
    viewer.mockResolvedValue({ ...session, establishmentId: elsewhere.id })
    expect(await action({ note: 'x' })).toMatchObject({ ok: false })
    expect(body).not.toHaveBeenCalled()
  })
})

describe('requireStudent (pages)', () => {
  it('sends a minor without consent to the explanation page, and lets the others in', async () => {
    const gated = await pupil()
    viewer.mockResolvedValue(gated.session)
    await expect(requireStudent('/espace/eleve')).rejects.toThrow(
      `redirect:${CONSENT_REQUIRED_PATH}`,
    )
    // The explanation page itself still knows who they are.
    expect((await requireStudentRecord('/espace/eleve')).allowed).toBe(false)
    const allowed = await pupil({ consent: true })
    viewer.mockResolvedValue(allowed.session)
    expect((await requireStudent('/espace/eleve')).student.id).toBe(allowed.student.id)
  })

  it('shows 403 to people without a student record, and sends the signed-out to sign in', async () => {
    const stranger = await createUser(db)
    const { session } = await pupil()
    viewer.mockResolvedValue({
      ...session,
      user: { id: stranger.id, email: stranger.email, name: null },
    })
    await expect(requireStudent('/espace/eleve')).rejects.toThrow('forbidden')
    viewer.mockResolvedValue(null)
    await expect(requireStudent('/espace/eleve')).rejects.toThrow('redirect:/connexion')
  })
})

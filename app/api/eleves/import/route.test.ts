import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Role } from '@/db/schema'

// The upload of a student list: only those who may import, in their establishment, and a file
// refused before anything is read when it is too big.

const getViewer = vi.fn()
vi.mock('@/lib/auth/session', () => ({ getViewer: () => getViewer() }))
const previewImport = vi.fn()
vi.mock('@/lib/school/student-import/imports', () => ({
  previewImport: (...args: unknown[]) => previewImport(...args),
}))
vi.mock('@/db', () => ({ db: {} }))

const { POST } = await import('./route')

const YEAR = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f'
const viewer = (role: Role, establishmentId = 'school-a') => ({
  user: { id: 'user-1', email: 'personne@college.example', name: 'Personne' },
  establishmentId: 'school-a',
  memberships: [{ id: 'm', role, establishmentId, establishmentName: 'A', establishmentSlug: 'a' }],
})
const upload = (body: BodyInit, annee = YEAR, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/eleves/import?annee=${annee}`, {
    method: 'POST',
    body,
    headers: { 'X-File-Name': encodeURIComponent('élèves.csv'), ...headers },
  })

beforeEach(() => {
  getViewer.mockReset()
  previewImport.mockReset()
})

describe('POST /api/eleves/import', () => {
  it('refuses the signed-out, a main teacher, and a head of another establishment', async () => {
    getViewer.mockResolvedValue(null)
    expect((await POST(upload('Nom;Prénom'))).status).toBe(401)
    getViewer.mockResolvedValue(viewer('main_teacher'))
    expect((await POST(upload('Nom;Prénom'))).status).toBe(403)
    getViewer.mockResolvedValue(viewer('head', 'school-b'))
    expect((await POST(upload('Nom;Prénom'))).status).toBe(403)
    expect(previewImport).not.toHaveBeenCalled()
  })

  it('previews the file for the head of this establishment, with its name', async () => {
    getViewer.mockResolvedValue(viewer('head'))
    previewImport.mockResolvedValue({ id: 'import-1' })
    const response = await POST(upload('Nom;Prénom\nMartin;Léa'))
    expect(await response.json()).toEqual({ ok: true, id: 'import-1' })
    expect(previewImport.mock.calls[0]![1]).toEqual({
      establishmentId: 'school-a',
      actorUserId: 'user-1',
    })
    expect(previewImport.mock.calls[0]![2]).toMatchObject({
      fileName: 'élèves.csv',
      schoolYearId: YEAR,
    })
  })

  it('refuses an unknown year and a file over 5 MB before reading it', async () => {
    getViewer.mockResolvedValue(viewer('admin'))
    expect((await POST(upload('x', 'pas-un-id'))).status).toBe(404)
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    const response = await POST(upload(big))
    expect(response.status).toBe(413)
    expect((await response.json()).message).toMatch(/5 Mo/)
    expect(previewImport).not.toHaveBeenCalled()
  })
})

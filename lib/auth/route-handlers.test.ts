import { beforeEach, describe, expect, it, vi } from 'vitest'
import { UserFacingError } from '@/lib/errors'

const getViewer = vi.fn()
vi.mock('./session', () => ({ getViewer: () => getViewer() }))
const recordRefusal = vi.fn()
vi.mock('./refusals', () => ({ recordRefusal: (...args: unknown[]) => recordRefusal(...args) }))

const { notFound, withStaff, withViewer } = await import('./route-handlers')

const user = { id: 'u1', email: 'examinateur@ozenne.example', name: null }
const reviewerAtA = {
  user,
  establishmentId: 'a',
  memberships: [
    {
      id: 'm1',
      role: 'reviewer',
      establishmentId: 'a',
      establishmentName: 'A',
      establishmentSlug: 'a',
    },
  ],
}
const request = new Request('http://localhost/api/x')
const route = <P extends object>(params = {} as P) => ({ params: Promise.resolve(params) })

beforeEach(() => getViewer.mockReset())

describe('withStaff', () => {
  it('answers 401 to the signed-out and 403 without the right, running nothing', async () => {
    const handler = vi.fn()
    const GET = withStaff('applications.export', handler)
    getViewer.mockResolvedValue(null)
    const signedOut = await GET(request, route())
    expect(signedOut.status).toBe(401)
    expect(await signedOut.json()).toEqual({ error: 'Vous devez être connecté.' })
    getViewer.mockResolvedValue(reviewerAtA)
    const forbidden = await withStaff('campaigns.edit', handler)(request, route())
    expect(forbidden.status).toBe(403)
    expect(handler).not.toHaveBeenCalled()
    expect(recordRefusal).toHaveBeenCalledWith(reviewerAtA, {
      permission: 'campaigns.edit',
      via: 'route',
    })
  })

  it('gives the handler the params, the actor and the reviewer’s restricted scope', async () => {
    getViewer.mockResolvedValue(reviewerAtA)
    const GET = withStaff<{ id: string }>('recommendations.read', async (_request, context) =>
      Response.json({ id: context.params.id, scope: context.scope, actor: context.actor }),
    )
    const response = await GET(request, route({ id: 'x1' }))
    expect(await response.json()).toEqual({
      id: 'x1',
      scope: { establishmentId: 'a', reviewerUserId: 'u1' },
      actor: { establishmentId: 'a', actorUserId: 'u1' },
    })
  })

  it('answers 400 to a request the person can fix, and lets a bug through', async () => {
    getViewer.mockResolvedValue(reviewerAtA)
    const fixable = withStaff('applications.export', async () => {
      throw new UserFacingError('Sélectionnez au moins une candidature.')
    })
    const response = await fixable(request, route())
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'Sélectionnez au moins une candidature.' })
    const broken = withStaff('applications.export', async () => {
      throw new TypeError('bug')
    })
    await expect(broken(request, route())).rejects.toThrow('bug')
  })
})

describe('withViewer', () => {
  it('offers the staff context only for a right held in the current establishment', async () => {
    getViewer.mockResolvedValue(reviewerAtA)
    const GET = withViewer(async (_request, { staff }) =>
      Response.json({
        view: staff('applications.view')?.scope ?? null,
        manage: staff('applications.manage'),
      }),
    )
    expect(await (await GET(request, route())).json()).toEqual({
      view: { establishmentId: 'a', reviewerUserId: 'u1' },
      manage: null,
    })
  })

  it('words its errors the way the route’s client reads them', async () => {
    getViewer.mockResolvedValue(null)
    const POST = withViewer(async () => notFound(), {
      errorBody: (message) => ({ ok: false, message }),
      signedOutMessage: 'Vous devez être connecté pour déposer une pièce.',
    })
    const response = await POST(request, route())
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      ok: false,
      message: 'Vous devez être connecté pour déposer une pièce.',
    })
  })

  it('answers 404 the same for what is missing and what is not the person’s', async () => {
    getViewer.mockResolvedValue(reviewerAtA)
    const response = await withViewer(async () => notFound())(request, route())
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'Introuvable.' })
  })
})

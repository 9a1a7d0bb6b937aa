import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { InvalidLinkError, UserFacingError } from '@/lib/errors'

const getViewer = vi.fn()
vi.mock('./session', () => ({ getViewer: () => getViewer() }))
const recordRefusal = vi.fn()
vi.mock('./refusals', () => ({ recordRefusal: (...args: unknown[]) => recordRefusal(...args) }))

const { candidateAction, candidateActionOn, linkActionClient, publicAction, staffAction } =
  await import('./action-clients')

const membership = (role: 'admin' | 'coordinator' | 'reviewer', establishmentId: string) => ({
  id: `${role}-${establishmentId}`,
  role,
  establishmentId,
  establishmentName: establishmentId,
  establishmentSlug: establishmentId,
  establishmentLogoKey: null,
})
const user = { id: 'u1', email: 'coordination@ozenne.example', name: null }
const coordinatorAtA = {
  user,
  establishmentId: 'a',
  memberships: [membership('coordinator', 'a'), membership('reviewer', 'b')],
}

const schema = z.object({ campaignId: z.uuid('Campagne introuvable.'), name: z.string().min(2) })
const valid = { campaignId: '6f1c2a9e-4b7d-4c1e-9a3b-2d5e8f7a1b0c', name: 'ATS' }

beforeEach(() => getViewer.mockReset())

describe('staffAction', () => {
  it('refuses the signed-out before reading the input, and runs nothing', async () => {
    getViewer.mockResolvedValue(null)
    const body = vi.fn()
    const result = await staffAction('campaigns.edit', schema, body)({ name: '' })
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: 'Vous devez être connecté.' })
    expect(body).not.toHaveBeenCalled()
  })

  it('refuses a role without the permission', async () => {
    getViewer.mockResolvedValue({ ...coordinatorAtA, memberships: [membership('reviewer', 'a')] })
    const body = vi.fn()
    const result = await staffAction('campaigns.edit', schema, body)(valid)
    expect(result).toMatchObject({
      ok: false,
      formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
    })
    expect(body).not.toHaveBeenCalled()
  })

  it('puts a refusal on record, once, in the establishment worked in; not the signed-out', async () => {
    recordRefusal.mockClear()
    getViewer.mockResolvedValue({ ...coordinatorAtA, memberships: [membership('reviewer', 'a')] })
    await staffAction('campaigns.edit', schema, vi.fn())(valid)
    expect(recordRefusal).toHaveBeenCalledTimes(1)
    expect(recordRefusal).toHaveBeenCalledWith(expect.objectContaining({ establishmentId: 'a' }), {
      permission: 'campaigns.edit',
      via: 'action',
    })
    getViewer.mockResolvedValue(null)
    await staffAction('campaigns.edit', schema, vi.fn())(valid)
    expect(recordRefusal).toHaveBeenCalledTimes(1)
  })

  it('refuses a role held in another establishment than the one switched to', async () => {
    getViewer.mockResolvedValue({ ...coordinatorAtA, establishmentId: 'b' })
    const body = vi.fn()
    const result = await staffAction('campaigns.edit', schema, body)(valid)
    expect(result).toMatchObject({
      ok: false,
      formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
    })
    expect(body).not.toHaveBeenCalled()
  })

  it('answers bad input with French field errors and changes nothing', async () => {
    getViewer.mockResolvedValue(coordinatorAtA)
    const body = vi.fn()
    const result = await staffAction('campaigns.edit', schema, body)({ campaignId: 'x', name: 1 })
    expect(result).toMatchObject({ ok: false, formError: 'Certains champs sont à corriger.' })
    if (result.ok) throw new Error('expected a refusal')
    expect(result.fieldErrors.campaignId).toEqual(['Campagne introuvable.'])
    // zod's own message, in French (lib/validation/french-messages).
    expect(result.fieldErrors.name?.[0]).toMatch(/^Entrée invalide/)
    expect(body).not.toHaveBeenCalled()
  })

  it('gives the body the parsed input, the actor and the scope of the current establishment', async () => {
    getViewer.mockResolvedValue(coordinatorAtA)
    const result = await staffAction('campaigns.edit', schema, async (input, context) => ({
      input,
      actor: context.actor,
      scope: context.scope,
    }))({ ...valid, extra: 'dropped' })
    expect(result).toEqual({
      ok: true,
      data: {
        input: valid,
        actor: { establishmentId: 'a', actorUserId: 'u1' },
        scope: { establishmentId: 'a' },
      },
    })
  })

  it('reads FormData like an object', async () => {
    getViewer.mockResolvedValue(coordinatorAtA)
    const form = new FormData()
    form.set('campaignId', valid.campaignId)
    form.set('name', valid.name)
    const result = await staffAction('campaigns.edit', schema, async (input) => input.name)(form)
    expect(result).toEqual({ ok: true, data: 'ATS' })
  })

  it('turns a known refusal of the lib into the form’s error, and lets a bug through', async () => {
    getViewer.mockResolvedValue(coordinatorAtA)
    const refused = staffAction('campaigns.edit', schema, async () => {
      throw new UserFacingError('Cette campagne est close.', { name: ['Déjà pris.'] })
    })
    expect(await refused(valid)).toEqual({
      ok: false,
      fieldErrors: { name: ['Déjà pris.'] },
      formError: 'Cette campagne est close.',
    })
    const broken = staffAction('campaigns.edit', schema, async () => {
      throw new TypeError('bug')
    })
    await expect(broken(valid)).rejects.toThrow('bug')
  })

  it('builds a schema from the context when it depends on data', async () => {
    getViewer.mockResolvedValue(coordinatorAtA)
    const action = staffAction(
      'campaigns.edit',
      ({ establishmentId }) => z.object({ code: z.literal(establishmentId) }),
      async ({ code }) => code,
    )
    expect(await action({ code: 'a' })).toEqual({ ok: true, data: 'a' })
    expect(await action({ code: 'b' })).toMatchObject({ ok: false })
  })
})

describe('candidateAction', () => {
  it('refuses the signed-out', async () => {
    getViewer.mockResolvedValue(null)
    const body = vi.fn()
    expect(await candidateAction(schema, body)(valid)).toMatchObject({
      ok: false,
      formError: 'Vous devez être connecté.',
    })
    expect(body).not.toHaveBeenCalled()
  })

  it('gives the body the signed-in person, whatever their memberships', async () => {
    getViewer.mockResolvedValue({ user, establishmentId: null, memberships: [] })
    const result = await candidateAction(schema, async (_input, { user }) => user.id)(valid)
    expect(result).toEqual({ ok: true, data: 'u1' })
  })
})

describe('candidateActionOn', () => {
  const load = vi.fn(async (key: string) => {
    if (key !== 'open') throw new UserFacingError('Campagne introuvable.')
    return { required: 2 }
  })
  const action = candidateActionOn(
    load,
    ({ resource }) => z.object({ recommenders: z.array(z.string()).length(resource.required) }),
    async ({ recommenders }, { user, resource }) => ({
      n: recommenders.length,
      by: user.id,
      resource,
    }),
  )

  it('refuses an unknown key before reading the input', async () => {
    getViewer.mockResolvedValue({ user, establishmentId: null, memberships: [] })
    expect(await action('closed', { recommenders: 'x' })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: 'Campagne introuvable.',
    })
  })

  it('checks the input against the schema of what the key opens', async () => {
    getViewer.mockResolvedValue({ user, establishmentId: null, memberships: [] })
    expect(await action('open', { recommenders: ['a'] })).toMatchObject({ ok: false })
    expect(await action('open', { recommenders: ['a', 'b'] })).toEqual({
      ok: true,
      data: { n: 2, by: 'u1', resource: { required: 2 } },
    })
  })

  it('refuses the signed-out without loading anything', async () => {
    getViewer.mockResolvedValue(null)
    load.mockClear()
    expect(await action('open', {})).toMatchObject({ formError: 'Vous devez être connecté.' })
    expect(load).not.toHaveBeenCalled()
  })
})

describe('linkActionClient', () => {
  const links: Record<string, { requestId: string }> = { good: { requestId: 'r1' } }
  const resolve = vi.fn(async (token: string) => links[token] ?? null)
  const linkAction = linkActionClient(resolve)
  const invalid = {
    ok: false,
    fieldErrors: {},
    formError: 'Ce lien n’est plus valide : la demande a expiré ou a été retirée.',
  }

  beforeEach(() => resolve.mockClear())

  it('answers every unknown link the same way', async () => {
    const action = linkAction(z.object({}), async (_input, { link }) => (await link()).requestId)
    expect(await action('unknown', {})).toEqual(invalid)
    expect(await action('good', {})).toEqual({ ok: true, data: 'r1' })
  })

  it('looks the link up once, however often the body asks', async () => {
    const action = linkAction(z.object({}), async (_input, { link }) => {
      await link()
      return (await link()).requestId
    })
    await action('good', {})
    expect(resolve).toHaveBeenCalledTimes(1)
  })

  it('leaves the lookup to the lib when the body does not ask, and maps its InvalidLinkError', async () => {
    const action = linkAction(z.object({}), async (_input, { token }) => {
      if (token !== 'good') throw new InvalidLinkError()
    })
    expect(await action('revoked', {})).toEqual(invalid)
    expect(resolve).not.toHaveBeenCalled()
  })

  it('answers bad input with field errors and runs nothing', async () => {
    const body = vi.fn()
    const action = linkAction(z.object({ reason: z.string().min(3, 'Motif trop court.') }), body)
    expect(await action('good', { reason: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['Motif trop court.'] },
    })
    expect(body).not.toHaveBeenCalled()
  })

  it('builds the schema from what the link opens', async () => {
    const action = linkAction(
      async ({ link }) => z.object({ requestId: z.literal((await link()).requestId) }),
      async ({ requestId }) => requestId,
    )
    expect(await action('good', { requestId: 'r1' })).toEqual({ ok: true, data: 'r1' })
    expect(await action('good', { requestId: 'r2' })).toMatchObject({ ok: false })
    expect(await action('unknown', { requestId: 'r1' })).toEqual(invalid)
  })
})

describe('publicAction', () => {
  it('needs no session, only valid input', async () => {
    const action = publicAction(z.object({ email: z.email('Adresse invalide.') }), async (i) => i)
    expect(await action({ email: 'a@b.fr' })).toEqual({ ok: true, data: { email: 'a@b.fr' } })
    expect(await action({ email: 'nope' })).toMatchObject({
      ok: false,
      fieldErrors: { email: ['Adresse invalide.'] },
    })
    expect(getViewer).not.toHaveBeenCalled()
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

const pending = vi.fn()
const token = vi.fn()
vi.mock('./session', () => ({
  getViewer: vi.fn(),
  pendingSecondFactorNow: () => pending(),
  currentSessionToken: () => token(),
}))

const { secondFactorAction } = await import('./action-clients')

const schema = z.object({ code: z.string().min(1, 'Saisissez le code.') })

beforeEach(() => {
  pending.mockReset()
  token.mockReset()
})

describe('secondFactorAction (the code page)', () => {
  it('refuses a session that waits for nothing (signed out, or already checked), running nothing', async () => {
    pending.mockResolvedValue(null)
    token.mockResolvedValue('token')
    const body = vi.fn()
    expect(await secondFactorAction(schema, body)({ code: '123456' })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: 'Vous devez être connecté.',
    })
    expect(body).not.toHaveBeenCalled()
  })

  it('gives the waiting person and this session’s token to the body, after the input check', async () => {
    pending.mockResolvedValue({ userId: 'u1', email: 'direction@college.example' })
    token.mockResolvedValue('this-session')
    const body = vi.fn().mockResolvedValue(undefined)
    const refused = await secondFactorAction(schema, body)({ code: '' })
    expect(refused).toMatchObject({ ok: false, fieldErrors: { code: ['Saisissez le code.'] } })
    expect(await secondFactorAction(schema, body)({ code: '123456' })).toEqual({ ok: true })
    expect(body).toHaveBeenCalledWith(
      { code: '123456' },
      { userId: 'u1', email: 'direction@college.example', sessionToken: 'this-session' },
    )
  })
})

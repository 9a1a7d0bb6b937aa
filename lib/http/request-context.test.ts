import { afterEach, describe, expect, it, vi } from 'vitest'

const incoming = vi.hoisted(() => ({ headers: new Headers() }))
vi.mock('next/headers', () => ({ headers: async () => incoming.headers }))

const { requestContext } = await import('./request-context')

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('request context', () => {
  it('never records an address the client wrote in X-Forwarded-For or X-Real-IP', async () => {
    incoming.headers = new Headers({
      'x-forwarded-for': '203.0.113.66',
      'x-real-ip': '203.0.113.67',
      'user-agent': 'Firefox',
    })
    expect(await requestContext()).toEqual({ ip: null, userAgent: 'Firefox' })
  })

  it('records the address appended by the trusted proxy', async () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1')
    incoming.headers = new Headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.7' })
    expect((await requestContext()).ip).toBe('198.51.100.7')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { onAppOrigin } from './app-origin-redirect'

let saved: string | undefined
beforeEach(() => {
  saved = process.env.APP_URL
  process.env.APP_URL = 'http://127.0.0.1:3100'
})
afterEach(() => {
  process.env.APP_URL = saved
})
const redirect = (location: string) =>
  new Response(null, { status: 302, headers: { location, 'set-cookie': 'a=b' } })

describe('Auth.js redirects on APP_URL', () => {
  it('puts a loopback origin other than APP_URL’s back on APP_URL, keeping path, query and cookies', () => {
    const response = onAppOrigin(
      redirect('http://localhost:3100/connexion/erreur?error=Verification'),
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      'http://127.0.0.1:3100/connexion/erreur?error=Verification',
    )
    expect(response.headers.get('set-cookie')).toBe('a=b')
    expect(onAppOrigin(redirect('http://[::1]:3100/equipe')).headers.get('location')).toBe(
      'http://127.0.0.1:3100/equipe',
    )
  })
  it('leaves redirects already on APP_URL and those to an identity provider', () => {
    expect(onAppOrigin(redirect('http://127.0.0.1:3100/equipe')).headers.get('location')).toBe(
      'http://127.0.0.1:3100/equipe',
    )
    expect(onAppOrigin(redirect('https://ent.example/authorize?x=1')).headers.get('location')).toBe(
      'https://ent.example/authorize?x=1',
    )
  })
  it('leaves responses that are not redirects', () => {
    const response = new Response('{}', { status: 200 })
    expect(onAppOrigin(response)).toBe(response)
  })
})

import { describe, expect, it } from 'vitest'
import { confirmationUrl } from './magic-link'

describe('magic link', () => {
  it('points the email at the confirmation page, never at the consuming callback', () => {
    const link = confirmationUrl('https://tremplin.fr/api/auth/callback/email?callbackUrl=%2Fespace&token=abc&email=a%40b.fr')
    const url = new URL(link)
    expect(url.pathname).toBe('/connexion/confirmer')
    expect(url.searchParams.get('token')).toBe('abc')
    expect(url.searchParams.get('email')).toBe('a@b.fr')
    expect(url.searchParams.get('callbackUrl')).toBe('/espace')
  })
})

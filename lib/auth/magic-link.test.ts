import { afterEach, describe, expect, it, vi } from 'vitest'
import { confirmationUrl, mailboxKey } from './magic-link'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('magic link', () => {
  it('points the email at the confirmation page, never at the consuming callback', () => {
    const link = confirmationUrl(
      'https://tremplin.fr/api/auth/callback/email?callbackUrl=%2Fespace&token=abc&email=a%40b.fr',
      'https://tremplin.fr',
    )
    const url = new URL(link)
    expect(url.pathname).toBe('/connexion/confirmer')
    expect(url.searchParams.get('token')).toBe('abc')
    expect(url.searchParams.get('email')).toBe('a@b.fr')
    expect(url.searchParams.get('callbackUrl')).toBe('/espace')
  })

  it('takes its origin from APP_URL, never from the URL it is given (a forged Host)', () => {
    vi.stubEnv('APP_URL', 'https://candidatures.lycee-ozenne.fr/')
    const link = confirmationUrl(
      'http://evil.example:8080/api/auth/callback/email?callbackUrl=%2Fespace&token=abc&email=a%40b.fr',
    )
    expect(link.startsWith('https://candidatures.lycee-ozenne.fr/connexion/confirmer?')).toBe(true)
    expect(new URL(link).searchParams.get('token')).toBe('abc')
    expect(link).not.toContain('evil.example')
  })

  it('keeps a path under which the app is served', () => {
    expect(
      confirmationUrl(
        'https://evil.example/api/auth/callback/email?token=t',
        'https://ecole.fr/tremplin',
      ),
    ).toBe('https://ecole.fr/tremplin/connexion/confirmer?token=t')
  })

  it('limits by mailbox: case, whitespace and a +tag do not make a new address', () => {
    expect(mailboxKey('  Lea.Martin+1@Exemple.FR ')).toBe('lea.martin@exemple.fr')
    expect(mailboxKey('lea.martin+a+b@exemple.fr')).toBe('lea.martin@exemple.fr')
    expect(mailboxKey('lea.martin@exemple.fr')).toBe('lea.martin@exemple.fr')
    expect(mailboxKey('+only@exemple.fr')).toBe('+only@exemple.fr')
  })
})

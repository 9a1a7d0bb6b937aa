import { describe, expect, it } from 'vitest'
import { safeCallbackUrl, signInSchema } from './schemas'

describe('sign-in form', () => {
  it('rejects a malformed email with a French message', () => {
    const result = signInSchema.safeParse({ email: 'pas-une-adresse' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Adresse e-mail invalide/)
  })
  it('asks for a missing email', () => {
    expect(signInSchema.safeParse({ email: '  ' }).error?.issues[0]?.message).toBe(
      'Indiquez votre adresse e-mail.',
    )
  })
  it('normalises the address', () => {
    expect(signInSchema.parse({ email: ' Lea.Martin@Exemple.FR ' }).email).toBe(
      'lea.martin@exemple.fr',
    )
  })
})

describe('callback url', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeCallbackUrl('/equipe?x=1')).toBe('/equipe?x=1')
    expect(safeCallbackUrl('https://evil.example')).toBe('/espace')
    expect(safeCallbackUrl('//evil.example')).toBe('/espace')
    expect(safeCallbackUrl('/\\evil.example')).toBe('/espace')
    expect(safeCallbackUrl(undefined)).toBe('/espace')
  })
})

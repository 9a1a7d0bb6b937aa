import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appUrl, assertProductionSettings, loadDevSecrets, missingProductionSettings } from './settings'

describe('production settings', () => {
  it('names every missing required setting', () => {
    expect(missingProductionSettings({})).toEqual([
      'AUTH_SECRET (32 caractères au moins)',
      'APP_URL',
      'DATABASE_URL (ou EMBEDDED_DATABASE=1 pour la base embarquée)',
    ])
  })

  it('refuses a short AUTH_SECRET and Resend without a sender', () => {
    const missing = missingProductionSettings({ AUTH_SECRET: 'short', APP_URL: 'https://x.fr', DATABASE_URL: 'postgres://x', RESEND_API_KEY: 're_1' })
    expect(missing).toEqual(['AUTH_SECRET (32 caractères au moins)', 'MAIL_FROM (obligatoire avec RESEND_API_KEY)'])
  })

  it('accepts a complete configuration', () => {
    expect(() =>
      assertProductionSettings({ AUTH_SECRET: 'x'.repeat(32), APP_URL: 'https://tremplin.fr', EMBEDDED_DATABASE: '1' }),
    ).not.toThrow()
    expect(() => assertProductionSettings({ APP_URL: 'https://tremplin.fr' })).toThrow(/AUTH_SECRET/)
  })
})

describe('development secrets', () => {
  it('generates them once and keeps them', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tremplin-')), 'data')
    const first = loadDevSecrets(dir)
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(40)
    expect(loadDevSecrets(dir)).toEqual(first)
  })
})

describe('appUrl', () => {
  it('drops a trailing slash and defaults to localhost', () => {
    expect(appUrl({ APP_URL: 'https://a.fr/' })).toBe('https://a.fr')
    expect(appUrl({ PORT: '4000' })).toBe('http://localhost:4000')
  })
})

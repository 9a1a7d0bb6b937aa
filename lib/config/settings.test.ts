import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  appUrl,
  assertProductionSettings,
  loadDevSecrets,
  missingProductionSettings,
  productionWarnings,
} from './settings'

describe('production settings', () => {
  it('names every missing required setting', () => {
    expect(missingProductionSettings({})).toEqual([
      'AUTH_SECRET (32 caractères au moins)',
      'APP_URL',
      'DATABASE_URL (ou EMBEDDED_DATABASE=1 pour la base embarquée)',
    ])
  })

  it('refuses a short AUTH_SECRET and Resend without a sender', () => {
    const missing = missingProductionSettings({
      AUTH_SECRET: 'short',
      APP_URL: 'https://x.fr',
      DATABASE_URL: 'postgres://x',
      RESEND_API_KEY: 're_1',
    })
    expect(missing).toEqual([
      'AUTH_SECRET (32 caractères au moins)',
      'MAIL_FROM (obligatoire avec RESEND_API_KEY)',
    ])
  })

  it('accepts a complete configuration', () => {
    expect(() =>
      assertProductionSettings({
        AUTH_SECRET: 'x'.repeat(32),
        APP_URL: 'https://tremplin.fr',
        EMBEDDED_DATABASE: '1',
      }),
    ).not.toThrow()
    expect(() => assertProductionSettings({ APP_URL: 'https://tremplin.fr' })).toThrow(
      /AUTH_SECRET/,
    )
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

describe('production warnings', () => {
  it('say when no proxy is trusted (no client IP, no per-IP sign-in limit) and when mail is not sent', () => {
    expect(productionWarnings({ RESEND_API_KEY: 're_x' })).toEqual([
      expect.stringContaining('TRUSTED_PROXY_HOPS vaut 0'),
    ])
    expect(productionWarnings({ TRUSTED_PROXY_HOPS: '1' })).toEqual([
      expect.stringContaining('RESEND_API_KEY absent'),
    ])
    expect(productionWarnings({ TRUSTED_PROXY_HOPS: '1', RESEND_API_KEY: 're_x' })).toEqual([])
  })
})

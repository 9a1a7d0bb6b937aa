import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkBudgets, firstLoadJs, report } from './bundle-budget'

// A tiny production build: two pages under one layout, the form carrying a heavy chunk, and a
// global error page nobody loads on a normal visit. Random bytes do not compress: gzip sizes
// are the raw sizes (plus a few bytes).
const nextDir = mkdtempSync(path.join(tmpdir(), 'bundle-budget-'))
afterAll(() => rmSync(nextDir, { recursive: true, force: true }))

const write = (file: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(nextDir, file)), { recursive: true })
  writeFileSync(path.join(nextDir, file), content)
}
const chunk = (name: string, kb: number) => write(`static/chunks/${name}`, randomBytes(kb * 1024))
const clientManifest = (page: string, entryJSFiles: Record<string, string[]>) =>
  write(
    `server/app${page}_client-reference-manifest.js`,
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
      `globalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify({ entryJSFiles })};\n`,
  )

chunk('main.js', 10)
chunk('layout.js', 5)
chunk('form.js', 60)
chunk('global-error.js', 100)
write('static/chunks/layout.css', 'body{}')
write('build-manifest.json', JSON.stringify({ rootMainFiles: ['static/chunks/main.js'] }))
write(
  'app-path-routes-manifest.json',
  JSON.stringify({ '/(public)/page': '/', '/(public)/form/[id]/page': '/form/[id]' }),
)
const layout = {
  '[project]/app/layout': ['static/chunks/layout.js'],
  '[project]/app/global-error': ['static/chunks/layout.js', 'static/chunks/global-error.js'],
}
clientManifest('/(public)/page', { ...layout, '[project]/app/(public)/page': [] })
clientManifest('/(public)/form/[id]/page', {
  ...layout,
  '[project]/app/(public)/form/[id]/page': [
    'static/chunks/layout.js',
    'static/chunks/form.js',
    'static/chunks/layout.css',
  ],
})

const kb = (bytes: number) => bytes / 1024

describe('bundle budget', () => {
  it('counts the main chunks and every segment’s chunks once, but not the global error page', () => {
    const home = firstLoadJs(nextDir, '/')
    expect(home.files.sort()).toEqual(['static/chunks/layout.js', 'static/chunks/main.js'])
    expect(kb(home.bytes)).toBeGreaterThanOrEqual(15)
    expect(kb(home.bytes)).toBeLessThan(15.5)
    const form = firstLoadJs(nextDir, '/form/[id]')
    expect(form.files).toHaveLength(3)
    expect(kb(form.bytes)).toBeGreaterThanOrEqual(75)
    expect(kb(form.bytes)).toBeLessThan(75.5)
  })

  it('passes pages within their budget', () => {
    const { ok, text } = report(checkBudgets(nextDir, { '/': 20, '/form/[id]': 80 }))
    expect(ok).toBe(true)
    expect(text).toMatch(/✓ \/form\/\[id\]\s+75\.\d kB {2}\/ 80 kB/)
  })

  it('fails naming the page over its budget, its size and its budget', () => {
    const { ok, text } = report(checkBudgets(nextDir, { '/': 20, '/form/[id]': 50 }))
    expect(ok).toBe(false)
    expect(text).toMatch(
      /\/form\/\[id\] loads 75\.\d kB of JavaScript \(gzip\), over its budget of 50 kB/,
    )
    expect(text).not.toMatch(/^\/ loads/m)
  })

  it('refuses a budget for a page the build does not have', () => {
    expect(() => checkBudgets(nextDir, { '/formulaire': 50 })).toThrow(
      '/formulaire: no such page in the build',
    )
  })
})

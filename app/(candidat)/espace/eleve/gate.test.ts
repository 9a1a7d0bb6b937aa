import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Every student page and action sits behind the parental-consent gate: pages call
// requireStudent, actions are built with studentAction (lib/auth/student-gate.integration.test.ts
// tests both). A page or action added here without them fails this test.
const root = path.join(import.meta.dirname)
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(path.join(dir, entry.name))
      : /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts')
        ? [path.join(dir, entry.name)]
        : [],
  )
// The one page open to a gated minor: it says why, and shows nothing else.
const explanationPage = path.join(root, 'autorisation', 'page.tsx')

describe('the student space', () => {
  const all = files(root)

  it('has pages, each behind requireStudent', () => {
    const pages = all.filter((f) => f.endsWith('page.tsx') && f !== explanationPage)
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages)
      expect(readFileSync(page, 'utf8'), path.relative(root, page)).toMatch(
        /await requireStudent\(/,
      )
  })

  it('has an explanation page that only checks the record, and leaves once consent is in force', () => {
    const source = readFileSync(explanationPage, 'utf8')
    expect(source).toMatch(/await requireStudentRecord\(/)
    expect(source).toMatch(/if \(access\.allowed\) redirect\('\/espace\/eleve'\)/)
  })

  it('builds every server action with studentAction, and no other client', () => {
    const actionFiles = all.filter((f) => /^['"]use server['"]/.test(readFileSync(f, 'utf8')))
    for (const file of actionFiles) {
      const source = readFileSync(file, 'utf8')
      const exported = source.match(/^export (const|async function) \w+/gm) ?? []
      const gated = source.match(/^export const \w+ = studentAction\(/gm) ?? []
      expect(gated.length, path.relative(root, file)).toBe(exported.length)
    }
  })
})

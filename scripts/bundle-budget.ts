// Fails the build's check when a public page's first-load JavaScript grows past its budget
// (scripts/bundle-budgets.ts): `npm run bundle:budget` after `next build`; part of `npm test`.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import { gzipSync } from 'node:zlib'
import { bundleBudgets } from './bundle-budgets'

const KB = 1024

export type PageWeight = { route: string; bytes: number; files: string[] }
export type BudgetCheck = PageWeight & { budgetKb: number; over: boolean }

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> }

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T

/** The app directory's page ("/(public)/candidature/[campaignId]/page") serving a URL pattern. */
function appPageOf(nextDir: string, route: string): string {
  const routes = readJson<Record<string, string>>(
    path.join(nextDir, 'app-path-routes-manifest.json'),
  )
  const page = Object.keys(routes).find((key) => key.endsWith('/page') && routes[key] === route)
  if (!page) throw new Error(`${route}: no such page in the build (renamed? update the budgets)`)
  return page
}

/** The page's client reference manifest: a script that fills globalThis.__RSC_MANIFEST. */
function clientManifestOf(nextDir: string, page: string): ClientReferenceManifest {
  const file = path.join(nextDir, 'server', 'app', `${page}_client-reference-manifest.js`)
  const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {}
  vm.runInNewContext(readFileSync(file, 'utf8'), context)
  const manifest = context.__RSC_MANIFEST?.[page]
  if (!manifest) throw new Error(`${file} does not describe ${page}`)
  return manifest
}

/**
 * The JavaScript a browser downloads to show `route`: the framework's main chunks and those
 * of every segment of the page (layouts, error and not-found boundaries, the page), but not
 * the global error page (fetched only when the root layout itself fails). Sizes are gzip,
 * as `next start` sends them.
 */
export function firstLoadJs(nextDir: string, route: string): PageWeight {
  const build = readJson<{ rootMainFiles: string[] }>(path.join(nextDir, 'build-manifest.json'))
  const segments = clientManifestOf(nextDir, appPageOf(nextDir, route)).entryJSFiles ?? {}
  const files = new Set(build.rootMainFiles)
  for (const [segment, chunks] of Object.entries(segments))
    if (!segment.endsWith('/global-error')) for (const chunk of chunks) files.add(chunk)
  const scripts = [...files].filter((file) => file.endsWith('.js'))
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(nextDir, file))).length,
    0,
  )
  return { route, bytes, files: scripts }
}

export function checkBudgets(nextDir: string, budgets: Record<string, number>): BudgetCheck[] {
  return Object.entries(budgets).map(([route, budgetKb]) => {
    const weight = firstLoadJs(nextDir, route)
    return { ...weight, budgetKb, over: weight.bytes > budgetKb * KB }
  })
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`

/** One line per page, and one sentence per page over its budget. */
export function report(checks: BudgetCheck[]): { text: string; ok: boolean } {
  const width = Math.max(...checks.map((c) => c.route.length))
  const lines = checks.map(
    (c) =>
      `${c.over ? '✗' : '✓'} ${c.route.padEnd(width)}  ${kb(c.bytes).padStart(9)}  / ${c.budgetKb} kB`,
  )
  const failures = checks
    .filter((c) => c.over)
    .map(
      (c) =>
        `${c.route} loads ${kb(c.bytes)} of JavaScript (gzip), over its budget of ${c.budgetKb} kB ` +
        `by ${kb(c.bytes - c.budgetKb * KB)}: find what its client components import ` +
        `(bench/README.md, "Public pages' weight"), or raise the budget in scripts/bundle-budgets.ts with a reason.`,
    )
  return {
    text: ['First-load JavaScript of the public pages (gzip):', ...lines, '', ...failures].join(
      '\n',
    ),
    ok: failures.length === 0,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { text, ok } = report(checkBudgets(process.argv[2] ?? '.next', bundleBudgets))
  console[ok ? 'log' : 'error'](text)
  process.exitCode = ok ? 0 : 1
}

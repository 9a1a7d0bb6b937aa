import { expect, test, type BrowserContext } from '@playwright/test'
import { demoAccounts, demoCandidate, demoPlatformAdmin } from '../lib/people/demo-accounts'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { pageKind } from './support/page-kind'
import { signedInContext } from './support/sign-in'

// Issue 9, item 17: no page shows a link its reader cannot open. For each demo account, a
// small crawler starts where that person lands, opens every same-origin page linked from
// the pages it can reach (one of each kind), and checks that no link on them answers 403
// or 404 for that person.

const MAX_PAGES = 30
// One sample of each kind of link: the same page for another id answers the same way.
const SAMPLES_PER_KIND = 1

const demo = (role: string) => demoAccounts.find((a) => a.role === role)!.email
const people = [
  { who: 'admin', email: demo('admin'), start: '/equipe' },
  { who: 'coordinator', email: demo('coordinator'), start: '/equipe' },
  { who: 'reviewer', email: demo('reviewer'), start: '/equipe' },
  { who: 'tutor', email: demo('tutor'), start: '/equipe' },
  { who: 'candidate', email: demoCandidate.email, start: '/espace' },
  { who: 'collège head', email: 'direction@college-jaures.example', start: '/equipe' },
  { who: 'main teacher', email: 'pp.3a@college-jaures.example', start: '/equipe' },
  { who: 'CPE', email: 'cpe@college-jaures.example', start: '/equipe' },
  { who: 'pupil with consent', email: 'eleve.autorise@college-jaures.example', start: '/espace' },
  { who: 'platform operator', email: demoPlatformAdmin.email, start: '/plateforme' },
]

// Pages the crawler opens and reads links from (downloads and documents are only requested).
const isPage = (url: URL) => !url.pathname.startsWith('/api/')

async function deadLinks(context: BrowserContext, start: string) {
  const page = await context.newPage()
  const queue = [start]
  const visited = new Set<string>()
  const status = new Map<string, number>()
  const perKind = new Map<string, number>()
  const dead: string[] = []
  while (queue.length > 0 && visited.size < MAX_PAGES) {
    const target = queue.shift()!
    if (visited.has(target)) continue
    visited.add(target)
    const response = await page.goto(target)
    expect(response?.status(), `opening ${target}`).toBe(200)
    const base = new URL(page.url())
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))
    for (const href of new Set(hrefs)) {
      const url = new URL(href)
      if (url.origin !== base.origin) continue
      url.hash = ''
      const key = url.pathname + url.search
      if (status.has(key)) continue
      const kind = pageKind(url) // without the query: one journal page per filter is plenty
      const seen = perKind.get(kind) ?? 0
      if (seen >= SAMPLES_PER_KIND) continue
      perKind.set(kind, seen + 1)
      const answer = await context.request.get(key)
      status.set(key, answer.status())
      if (answer.status() === 403 || answer.status() === 404)
        dead.push(`${base.pathname}${base.search} → ${key} (${answer.status()})`)
      else if (
        isPage(url) &&
        answer.ok() &&
        (answer.headers()['content-type'] ?? '').includes('text/html')
      )
        queue.push(key)
    }
  }
  await page.close()
  return { dead, visited: [...visited] }
}

for (const person of people) {
  test(`every link a ${person.who} is shown opens for them`, async ({ browser }) => {
    test.setTimeout(180_000)
    const context = await signedInContext(browser, person.email)
    const { dead, visited } = await deadLinks(context, person.start)
    expect(visited.length, 'pages crawled').toBeGreaterThan(1)
    expect(dead, `dead links for the ${person.who}`).toEqual([])
    await context.close()
  })
}

test('the tutor’s dashboard offers no campaigns link (the page is closed to tutors)', async ({
  browser,
}) => {
  const context = await signedInContext(browser, demo('tutor'))
  const page = await context.newPage()
  await page.goto('/equipe')
  await expect(page.getByRole('heading', { name: 'Campagnes de candidature' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Voir toutes les campagnes' })).toHaveCount(0)
  await expectAccessible(page)
  await context.close()
})

test('a reviewer with nothing assigned sees no export button', async ({ browser }) => {
  const email = `examinateur-vide-${Date.now()}@ozenne.example`
  const db = testDb()
  const { rows } = await db.query<{ id: string }>(
    'insert into users (id, email, name) values (gen_random_uuid()::text, $1, $2) returning id',
    [email, 'Examinateur sans dossier'],
  )
  await db.query(
    "insert into memberships (user_id, establishment_id, role) select $1, establishment_id, 'reviewer' from memberships m join users u on u.id = m.user_id where u.email = $2 limit 1",
    [rows[0]!.id, demo('reviewer')],
  )
  const context = await signedInContext(browser, email)
  const page = await context.newPage()
  await page.goto('/equipe/candidatures')
  await expect(page.getByRole('heading', { name: 'Candidatures' })).toBeVisible()
  await expect(page.getByText('0 candidature', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: /Exporter/ })).toHaveCount(0)
  await expectAccessible(page)
  await context.close()
})

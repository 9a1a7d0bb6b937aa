import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { emailsTo, linkIn, testDb } from './support/outbox'
import { callAction } from './support/server-action'
import { signedInContext, signInFromPage } from './support/sign-in'

// What every visitor meets first (issue 9, items 13, 14, 16, 18, 19): icons and robots, a
// header that fits a phone and suits who reads it, page titles, the footer's legal pages.
const admin = 'admin@ozenne.example'
const coordinator = 'coordination@ozenne.example'

/** Console errors and failed requests (4xx/5xx) while `body` runs. */
async function problemsDuring(page: Page, body: () => Promise<void>) {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`)
  })
  await body()
  return problems
}

/** Jean Dupont's link from the demo data: his recommendation is already sent, opening it changes nothing. */
async function recommenderLink() {
  const [invitation] = (await emailsTo('jean.dupont@ac-toulouse.fr')).filter(
    (e) => e.template === 'recommendation-invitation',
  )
  return linkIn(invitation!, '/recommandation/')
}

test('the site has its icons and manifest, and keeps crawlers away from links and personal pages', async ({
  page,
  request,
}) => {
  const problems = await problemsDuring(page, async () => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    // Browsers ask for /favicon.ico on their own, whatever the page declares.
    await page.evaluate(() => fetch('/favicon.ico'))
  })
  expect(problems).toEqual([])
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1)
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1)

  for (const [path, type] of [
    ['/favicon.ico', /image\/(x-icon|vnd.microsoft.icon)/],
    ['/icon.svg', /image\/svg\+xml/],
    ['/apple-icon.png', /image\/png/],
    ['/icons/icon-192.png', /image\/png/],
  ] as const) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['content-type'], path).toMatch(type)
  }

  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
    lang: string
    name: string
    theme_color: string
    icons: { src: string }[]
  }
  expect(manifest).toMatchObject({ lang: 'fr', theme_color: '#1e40af' })
  expect(manifest.name).toMatch(/^Tremplin/)
  for (const icon of manifest.icons)
    expect((await request.get(icon.src)).status(), icon.src).toBe(200)

  const robots = await (await request.get('/robots.txt')).text()
  for (const path of [
    '/recommandation/',
    '/connexion',
    '/espace',
    '/equipe',
    '/api/',
    '/verifier/',
  ])
    expect(robots).toContain(`Disallow: ${path}`)

  for (const path of ['/connexion', await recommenderLink()]) {
    await page.goto(path)
    await expect(page.locator('meta[name="robots"]'), path).toHaveAttribute('content', /noindex/)
  }
})

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('a long email address in the header does not widen the page nor cover the submit button', async ({
    page,
  }) => {
    // No hyphen: nothing in the address lets the line break.
    const email = `mariechristine.delafontaine.${Math.random().toString(36).slice(2, 8)}@etablissementexemple.fr`
    await page.goto('/')
    await page.getByRole('link', { name: 'Candidater en CPGE ATS Économie-Gestion' }).click()
    await signInFromPage(page, email)
    await expect(page.getByRole('heading', { name: 'CPGE ATS Économie-Gestion' })).toBeVisible()

    // The header fits (the form's own "Votre adresse e-mail (…)" line is the form's business).
    const banner = page.getByRole('banner')
    expect(await banner.evaluate((e) => e.scrollWidth)).toBeLessThanOrEqual(390)
    expect((await banner.boundingBox())!.width).toBeLessThanOrEqual(390)
    const submit = page.getByRole('button', { name: 'Déposer ma candidature' })
    await submit.scrollIntoViewIfNeeded()
    await submit.click({ trial: true }) // fails when something covers the button
    const name = page.getByTestId('viewer-name')
    await expect(name).toHaveText(email) // the whole address, for screen readers
    await expect(name).toHaveAttribute('title', email) // and on hover
    await expectAccessible(page)

    for (const path of ['/', '/espace', '/confidentialite']) {
      await page.goto(path)
      await expect(page.getByTestId('viewer-name')).toBeVisible()
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        path,
      ).toBeLessThanOrEqual(390)
    }
  })
})

test('a recommender’s link page shows the brand only: no sign-in, no navigation', async ({
  browser,
}) => {
  const link = await recommenderLink()
  for (const email of [null, admin]) {
    const context = await signedInContext(browser, email)
    const page = await context.newPage()
    await page.goto(link)
    await expect(page.getByRole('heading', { name: 'Avis de poursuite d’études' })).toBeVisible()
    const banner = page.getByRole('banner')
    await expect(banner.getByRole('link', { name: 'Tremplin' })).toBeVisible()
    await expect(banner.getByRole('link', { name: 'Se connecter' })).toHaveCount(0)
    await expect(banner.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0)
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0)
    await expectAccessible(page)
    await context.close()
  }
})

test('the navigation marks the current page', async ({ browser }) => {
  const context = await signedInContext(browser, admin)
  const page = await context.newPage()
  await page.goto('/equipe/membres')
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await expect(nav.getByRole('link', { name: 'Membres' })).toHaveAttribute('aria-current', 'page')
  await expect(nav.locator('[aria-current]')).toHaveCount(1)
  // After a client-side navigation too.
  await nav.getByRole('link', { name: 'Candidatures' }).click()
  await expect(page).toHaveURL(/\/equipe\/candidatures$/)
  await expect(nav.getByRole('link', { name: 'Candidatures' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(nav.getByRole('link', { name: 'Membres' })).not.toHaveAttribute('aria-current', /.*/)
  await expectAccessible(page)
  await context.close()
})

test('403 and 404 pages have their own title, on arrival and after a client-side navigation', async ({
  browser,
}) => {
  const context = await signedInContext(browser, coordinator)
  const page = await context.newPage()

  await page.goto('/equipe/membres')
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()
  await expect(page).toHaveTitle('Accès refusé · Tremplin')
  await expectAccessible(page)

  await page.goto('/nulle-part')
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible()
  await expect(page).toHaveTitle('Page introuvable · Tremplin')

  await page.goto(`/recommandation/${'A'.repeat(43)}`)
  await expect(page.getByRole('heading', { name: 'Lien invalide' })).toBeVisible()
  await expect(page).toHaveTitle('Lien invalide · Tremplin')
  await expectAccessible(page)

  const push = (path: string) =>
    page.evaluate(
      (p) =>
        (window as unknown as { next: { router: { push(p: string): void } } }).next.router.push(p),
      path,
    )
  await page.goto('/equipe')
  await expect(page).toHaveTitle('Tableau de bord · Tremplin')
  await push('/equipe/membres')
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()
  await expect(page).toHaveTitle('Accès refusé · Tremplin')
  await push('/equipe')
  await expect(page).toHaveTitle('Tableau de bord · Tremplin')
  await push('/nulle-part')
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible()
  await expect(page).toHaveTitle('Page introuvable · Tremplin')
  await context.close()
})

test('the footer leads to the accessibility statement, the legal notice and the privacy notice', async ({
  page,
}) => {
  await page.goto('/')
  const footer = page.getByRole('contentinfo')
  for (const [link, heading] of [
    ['Accessibilité : non conforme', 'Déclaration d’accessibilité'],
    ['Mentions légales', 'Mentions légales'],
    ['Données personnelles', 'Données personnelles'],
  ] as const) {
    await footer.getByRole('link', { name: link }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page).toHaveTitle(`${heading} · Tremplin`)
    await expectAccessible(page)
  }
  await page.goto('/accessibilite')
  await expect(page.getByText(/Tremplin est non conforme au référentiel/)).toBeVisible()
  await expect(
    page.getByRole('link', { name: 'https://formulaire.defenseurdesdroits.fr/' }),
  ).toBeVisible()
})

test('an admin writes the establishment’s privacy notice and the public page shows it', async ({
  browser,
}) => {
  const context = await signedInContext(browser, admin)
  const page = await context.newPage()
  await page.goto('/equipe')
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Informations légales' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Informations légales' })).toBeVisible()
  await expectAccessible(page)

  // Until then, the platform's privacy notice, naming the establishment, says what the law asks.
  await page.goto('/confidentialite')
  for (const words of [
    /Lycée Ozenne/,
    /Base légale/,
    /Durées de conservation/,
    /Destinataires/,
    /portabilité/,
    /délégué à la protection des données/,
    /CNIL/,
  ])
    await expect(page.getByText(words).first()).toBeVisible()
  await page.goBack()

  const marker = `Délégué à la protection des données : dpd-${Date.now()}@ac-toulouse.fr`
  const field = page.getByLabel('Texte : Données personnelles')
  await field.fill('Trop court.')
  const privacy = page.getByRole('region', { name: 'Données personnelles' })
  await privacy.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(privacy.getByText('Texte : 50 caractères au moins.')).toBeVisible()
  await field.fill(
    `# Contact\n\n${marker}\n\nLe lycée Ozenne traite vos données pour instruire votre candidature.\n\n<script>alert(1)</script>`,
  )
  await privacy.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(privacy.getByText('Texte de l’établissement')).toBeVisible()

  await privacy
    .getByRole('link', { name: 'Voir la page publique « Données personnelles »' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Données personnelles' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Contact' })).toBeVisible()
  await expect(page.getByText(marker)).toBeVisible()
  await expect(page.getByText('<script>alert(1)</script>')).toBeVisible() // shown as text, never run
  await expectAccessible(page)

  const { rows } = await testDb().query<{ after: { kind: string; body: string } }>(
    "select after from audit_log where action = 'notice.updated' order by created_at desc limit 1",
  )
  expect(rows[0]!.after.body).toContain(marker)

  // Back to the platform's text, so other journeys find the default.
  await page.goto('/equipe/informations-legales')
  await privacy.getByRole('button', { name: 'Rétablir le texte par défaut' }).click()
  await expect(privacy.getByText('Texte par défaut')).toBeVisible()
  await page.goto('/confidentialite')
  await expect(page.getByText(marker)).toHaveCount(0)
  await context.close()
})

test('a coordinator can neither open the notices editor nor call its action', async ({
  browser,
}) => {
  const context = await signedInContext(browser, coordinator)
  const page = await context.newPage()
  await page.goto('/equipe')
  await expect(
    page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Informations légales' }),
  ).toHaveCount(0)
  const response = await page.goto('/equipe/informations-legales')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()

  const { result } = await callAction(
    context.request,
    '/equipe',
    'app/(equipe)/equipe/informations-legales/actions.ts',
    'saveNoticeAction',
    [
      {
        kind: 'privacy',
        body: 'Texte pirate assez long pour passer la validation du formulaire des notices.',
      },
    ],
  )
  expect(result).toMatchObject({ ok: false })
  await page.goto('/confidentialite')
  await expect(page.getByText('Texte pirate')).toHaveCount(0)
  await context.close()
})

import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { appOrigin } from './support/app-origin'
import { emailIdsTo, linkIn, testDb, waitForEmail } from './support/outbox'
import { serverActionId } from './support/server-action'
import { signedInContext } from './support/sign-in'

// The site is reached at 127.0.0.1 with APP_URL set to that (playwright.config.ts): every
// emailed link and every redirect must be built from APP_URL, whatever the request claims.

async function cpgeCampaignId() {
  const { rows } = await testDb().query<{ id: string }>(
    "select c.id from admission_campaigns c join programmes p on p.id = c.programme_id where p.name = 'CPGE ATS Économie-Gestion' limit 1",
  )
  return rows[0]!.id
}

test('behind a proxy claiming another host, a candidate signs in from the application form and comes back to it', async ({
  browser,
}) => {
  // A misconfigured (or hostile) proxy in front of the app: the request says evil.example.
  const context = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
  })
  const page = await context.newPage()
  const email = `candidate-behind-a-proxy-with-a-long-address-${Date.now()}@exemple.fr`
  const form = `/candidature/${await cpgeCampaignId()}`

  await test.step('the application form asks her to sign in first', async () => {
    await page.goto(form)
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/)
    expect(new URL(page.url()).origin).toBe(appOrigin())
  })

  const excludeIds = await emailIdsTo(email)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible()

  const message = await waitForEmail(email, { excludeIds, subject: /lien de connexion/ })
  await test.step('the emailed link leads to this site, not to the host the request claimed', async () => {
    expect(message.text).not.toContain('evil.example')
    expect(message.html).not.toContain('evil.example')
    expect(
      linkIn(message, '/connexion/confirmer').startsWith(`${appOrigin()}/connexion/confirmer?`),
    ).toBe(true)
  })

  await test.step('she confirms and lands on the application form, told she is signed in', async () => {
    await page.goto(linkIn(message, '/connexion/confirmer'))
    await page.getByRole('button', { name: 'Me connecter' }).click()
    await expect(page.getByRole('status').getByText('Vous êtes connecté(e).')).toBeVisible()
    // On APP_URL's origin, the welcome marker taken out of the address bar once shown.
    await expect(page).toHaveURL(`${appOrigin()}${form}`)
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('on a phone, her long address does not widen the form', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  await test.step('the notice is said once: a reload does not repeat it', async () => {
    await page.reload()
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
    await expect(page.getByText('Vous êtes connecté(e).')).toHaveCount(0)
  })
  await context.close()
})

test('the sign-in action posted with a forged Host header emails a link to APP_URL only', async ({
  request,
}) => {
  const email = 'admin@ozenne.example'
  const excludeIds = await emailIdsTo(email)
  const response = await request.post('/connexion', {
    headers: {
      Host: 'evil.example',
      'X-Forwarded-Host': 'evil.example',
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': serverActionId('app/(auth)/actions.ts', 'requestSignInLink'),
    },
    data: JSON.stringify([{ email, callbackUrl: '/equipe' }]),
    maxRedirects: 0,
  })
  expect(response.status()).toBeLessThan(500)
  const message = await waitForEmail(email, { excludeIds, subject: /lien de connexion/ })
  expect(message.text).not.toContain('evil.example')
  expect(
    linkIn(message, '/connexion/confirmer').startsWith(`${appOrigin()}/connexion/confirmer?`),
  ).toBe(true)
})

test('after sign-in, only a path of this site is followed; odd values never break the page', async ({
  browser,
}) => {
  const context = await signedInContext(browser, 'eleve@ozenne.example')
  const cases: [string, string][] = [
    ['%2F%09%2Fevil.example', '/espace'], // "/<TAB>/evil.example": Chromium drops the tab
    ['%2F%2Fevil.example', '/espace'],
    ['%2F%5Cevil.example', '/espace'],
    ['%2F.%2F%2Fevil.example', '/espace'], // "/.//evil.example" resolves to "//evil.example"
    ['%2Fa%2F..%2F%2Fevil.example', '/espace'],
    ['https%3A%2F%2Fevil.example%2F', '/espace'],
    ['javascript%3Aalert(1)', '/espace'],
    ['%2F%E3%80%82evil.example', '/%E3%80%82evil.example'], // U+3002 stays a path of this site
    ['%2Fespace%0D%0ASet-Cookie%3A%20x%3D1', '/espace'], // CR/LF
    ['%2Fequipe%3Fq%3Dmartin', '/equipe?q=martin'],
  ]
  for (const [raw, expected] of cases) {
    const response = await context.request.get(`/connexion?callbackUrl=${raw}`, { maxRedirects: 0 })
    expect(response.status(), raw).toBeGreaterThanOrEqual(300)
    expect(response.status(), raw).toBeLessThan(400)
    const location = new URL(response.headers()['location']!, appOrigin())
    expect(location.origin, raw).toBe(appOrigin())
    expect(`${location.pathname}${location.search}`, raw).toBe(expected)
  }
  await context.close()
})

test('signed out, odd callback values give the sign-in page, not an error', async ({ request }) => {
  for (const raw of ['%E3%80%82', '%0D%0A', '%00', '%2F%E3%80%82evil.example', '%C0']) {
    const response = await request.get(`/connexion?callbackUrl=${raw}`, { maxRedirects: 0 })
    expect(response.status(), raw).toBe(200)
  }
})

test('a sign-in token posted from another site signs no one in (login CSRF)', async ({
  page,
  request,
}) => {
  const email = `csrf-${Date.now()}@exemple.fr`
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
  const link = new URL(
    linkIn(await waitForEmail(email, { subject: /lien de connexion/ }), '/connexion/confirmer'),
  )
  const callback = `/api/auth/callback/email${link.search}`

  await test.step('a form on another site posting the token is refused', async () => {
    const forged: Record<string, string>[] = [
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://evil.example' },
    ]
    for (const headers of forged) {
      const response = await request.post(callback, { headers, maxRedirects: 0 })
      expect(response.status()).toBe(403)
      expect(response.headers()['set-cookie'] ?? '').not.toContain('session-token')
    }
  })

  await test.step('opening the callback directly only leads to the confirmation page', async () => {
    const response = await request.get(callback, { maxRedirects: 0 })
    expect(response.status()).toBe(303)
    expect(response.headers()['location']).toBe(`${appOrigin()}/connexion/confirmer${link.search}`)
  })

  await test.step('the token still works from the confirmation page', async () => {
    await page.goto(link.toString())
    await page.getByRole('button', { name: 'Me connecter' }).click()
    await expect(page.getByRole('status').getByText('Vous êtes connecté(e).')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
  })
})

test('the session endpoint never hands the session token to scripts', async ({ browser }) => {
  const context = await signedInContext(browser, 'eleve@ozenne.example')
  const body = await (await context.request.get('/api/auth/session')).json()
  expect(body.user.email).toBe('eleve@ozenne.example')
  const { rows } = await testDb().query<{ session_token: string }>(
    'select s.session_token from sessions s join users u on u.id = s.user_id where u.email = $1',
    ['eleve@ozenne.example'],
  )
  const serialized = JSON.stringify(body)
  for (const row of rows) expect(serialized).not.toContain(row.session_token)
  expect(body).not.toHaveProperty('sessionToken')
  await context.close()
})

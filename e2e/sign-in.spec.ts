import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { emailIdsTo, emailsTo, linkIn, waitForEmail } from './support/outbox'
import { oneSignInAtATime, signInFromPage } from './support/sign-in'

test('a coordinator signs in with an emailed link, finds her tools, and signs out', async ({
  page,
}) => {
  test.setTimeout(120_000) // axe runs at two widths on each page
  const email = 'coordination@ozenne.example'

  await test.step('her team space asks her to sign in first', async () => {
    await page.goto('/equipe')
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fequipe/)
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('a mistyped address is refused next to the field, and nothing is sent', async () => {
    await page.getByLabel('Adresse e-mail').fill('coordination@')
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
    await expect(page.getByText(/Adresse e-mail invalide/)).toBeVisible()
    await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true')
    expect(await emailsTo('coordination@')).toHaveLength(0)
  })

  let link = ''
  await oneSignInAtATime(email, async () => {
    const excludeIds = await emailIdsTo(email)
    await test.step('she asks for a link', async () => {
      await page.getByLabel('Adresse e-mail').fill(email)
      await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
      await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible()
      await expectAccessible(page)
    })

    link = linkIn(
      await waitForEmail(email, { excludeIds, subject: /lien de connexion/ }),
      '/connexion/confirmer',
    )

    await test.step('opening the link only asks for confirmation', async () => {
      await page.goto(link)
      await expect(page.getByRole('heading', { name: 'Confirmer la connexion' })).toBeVisible()
      await expect(page.getByText(email)).toBeVisible()
      await expectAccessible(page)
    })

    await test.step('she confirms and lands in her team space', async () => {
      await page.getByRole('button', { name: 'Me connecter' }).click()
      await expect(page).toHaveURL(/\/equipe$/)
    })
  })

  await test.step('she finds the coordinator navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Navigation principale' })
    await expect(nav.getByRole('link', { name: 'Tableau de bord' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Campagnes' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Membres' })).toHaveCount(0)
    await expect(page.getByText('Marc Coordinateur')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Lycée Ozenne' })).toBeVisible()
    await expectAccessible(page)
    await nav.getByRole('link', { name: 'Campagnes' }).click()
    await expect(
      page.getByRole('cell', { name: 'CPGE ATS Économie-Gestion', exact: true }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('admin pages stay closed to her', async () => {
    await page.goto('/equipe/membres')
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()
  })

  await test.step('she signs out', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()
    await page.goto('/equipe')
    await expect(page).toHaveURL(/\/connexion/)
  })

  await test.step('the used link no longer works and offers a new one', async () => {
    await page.goto(link)
    await page.getByRole('button', { name: 'Me connecter' }).click()
    await expect(
      page.getByRole('heading', { name: 'Ce lien de connexion n’est plus valable' }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Recevoir un lien de connexion' })).toBeVisible()
    await expectAccessible(page)
  })
})

test('an administrator sees the members and the audit log', async ({ page }) => {
  await page.goto('/connexion?callbackUrl=%2Fequipe%2Fmembres')
  await signInFromPage(page, 'admin@ozenne.example')
  await expect(page.getByRole('heading', { name: 'Membres de l’établissement' })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'examinateur@ozenne.example' })).toBeVisible()
  await expectAccessible(page)
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Journal d’audit' })
    .click()
  await expect(page.getByRole('heading', { name: 'Journal d’audit' })).toBeVisible()
  await expectAccessible(page)
})

test('visitors see the open campaigns and a French 404', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Candidatures ouvertes' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'CPGE ATS Économie-Gestion' })).toBeVisible()
  await expectAccessible(page)
  const response = await page.goto('/cette-page-nexiste-pas')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible()
  await expectAccessible(page)
})

test('the development mailbox does not exist in production', async ({ page }) => {
  const response = await page.goto('/dev/mailbox')
  expect(response?.status()).toBe(404)
})

test('the cron tick answers only with the shared secret', async ({ request }) => {
  expect((await request.post('/api/cron/tick')).status()).toBe(401)
  expect(
    (await request.post('/api/cron/tick', { headers: { authorization: 'Bearer wrong' } })).status(),
  ).toBe(401)
  const ok = await request.post('/api/cron/tick', {
    headers: { authorization: 'Bearer e2e-cron-secret' },
  })
  expect(ok.status()).toBe(200)
  expect(await ok.json()).toMatchObject({ mail: { claimed: expect.any(Number) } })
})

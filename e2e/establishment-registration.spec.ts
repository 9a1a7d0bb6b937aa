import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { emailIdsTo, linkIn, waitForEmail } from './support/outbox'
import { signIn, signedInContext } from './support/sign-in'

// A valid UAI of its own for each run: 7 random digits and their check letter (modulo 23).
function freshUai() {
  const digits = String(1_000_000 + Math.floor(Math.random() * 8_999_999)).padStart(7, '0')
  return `${digits}${'ABCDEFGHJKLMNPRSTUVWXYZ'[Number(digits) % 23]}`
}

test('a head registers her collège, confirms by email, the operator approves, and she finds her establishment', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000) // axe at two widths on several pages, three people
  const uai = freshUai()
  const schoolName = `Collège Aimé Césaire ${uai}`
  const headEmail = `direction.${uai.toLowerCase()}@college-cesaire.example`

  await test.step('from the sign-in page she finds how to register her school', async () => {
    await page.goto('/connexion')
    await page.getByRole('link', { name: 'Inscrire votre établissement' }).click()
    await expect(page.getByRole('heading', { name: 'Inscrire votre établissement' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('she picks the commune from its postcode', async () => {
    await page.getByRole('button', { name: 'Continuer' }).click()
    await expect(page.getByText('Code postal : champ obligatoire.').first()).toBeVisible()
    await page.getByLabel('Code postal').fill('31700')
    // 31700 serves five communes: she chooses hers.
    await expect(page.getByLabel('Commune').getByRole('option', { name: 'Blagnac' })).toBeAttached()
    await page.getByLabel('Commune').selectOption('Blagnac')
    await page.getByRole('button', { name: 'Continuer' }).click()
  })

  await test.step('a mistyped UAI is refused with its reason; then she describes the school', async () => {
    await expect(page.getByRole('heading', { name: 'L’établissement' })).toBeVisible()
    await page.getByLabel('Nom de l’établissement').fill(schoolName)
    await page.getByLabel('Code UAI').fill(`${uai.slice(0, 7)}I`)
    await page.getByLabel('Type d’établissement').selectOption({ label: 'Collège' })
    await page.getByLabel('Adresse', { exact: true }).fill('1 rue des Écoles')
    await page.getByLabel('Domaine e-mail de l’établissement').fill('college-cesaire.example')
    await page.getByRole('button', { name: 'Continuer' }).click()
    await expect(
      page
        .getByRole('alert')
        .filter({ has: page.getByRole('heading', { name: 'Il y a un problème' }) }),
    ).toBeFocused()
    await expect(page.getByLabel('Code UAI')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)
    await page.getByLabel('Code UAI').fill(uai.toLowerCase())
    await page.getByRole('button', { name: 'Continuer' }).click()
  })

  await test.step('a personal address is refused; her professional one is accepted', async () => {
    await page.getByLabel('Vos nom et prénom').fill('Nadia Benali')
    await page.getByLabel('Votre adresse professionnelle').fill('nadia.benali@gmail.example')
    await page.getByRole('button', { name: 'Envoyer la demande' }).click()
    await expect(
      page
        .getByText(/doit être sur le domaine de l’établissement \(@college-cesaire\.example\)/)
        .first(),
    ).toBeVisible()
    const before = await emailIdsTo(headEmail)
    await page.getByLabel('Votre adresse professionnelle').fill(headEmail)
    await page.getByRole('button', { name: 'Envoyer la demande' }).click()
    await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible()
    await expectAccessible(page)
    const email = await waitForEmail(headEmail, {
      excludeIds: before,
      subject: /Confirmez l’inscription/,
    })
    const link = linkIn(email, '/inscription-etablissement/confirmer/')
    await page.goto(link)
  })

  await test.step('opening the link shows what she confirms; confirming once is enough', async () => {
    await expect(page.getByRole('heading', { name: 'Confirmer l’inscription' })).toBeVisible()
    await expect(page.getByText(`${schoolName} (Collège)`)).toBeVisible()
    await expect(page.getByText('31700 Blagnac')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Confirmer l’inscription' }).click()
    await expect(page.getByText('Adresse confirmée, merci.')).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Adresse déjà confirmée' })).toBeVisible()
  })

  await test.step('a head of another school cannot reach the platform’s pages', async () => {
    const context = await signedInContext(browser, 'direction@ozenne.example')
    const other = await context.newPage()
    const response = await other.goto('/plateforme/inscriptions')
    expect(response?.status()).toBe(404)
    await context.close()
  })

  await test.step('the platform operator approves the registration', async () => {
    const context = await signedInContext(browser, 'plateforme@tremplin.example')
    const operator = await context.newPage()
    await operator.goto('/equipe')
    await operator
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Plateforme' })
      .click()
    await expect(
      operator.getByRole('heading', { name: 'Établissements de la plateforme' }),
    ).toBeVisible()
    await operator.getByRole('link', { name: /Inscriptions à valider/ }).click()
    const card = operator.getByRole('listitem').filter({ hasText: schoolName })
    await expect(
      card.getByText('adresse sur le domaine de l’établissement', { exact: false }),
    ).toBeVisible()
    await expectAccessible(operator)
    const before = await emailIdsTo(headEmail)
    await card.getByRole('button', { name: `Valider l’inscription de ${schoolName}` }).click()
    await expect(operator.getByText(`${schoolName} : inscription validée`)).toBeVisible()
    await expect(card).toHaveCount(0)
    await waitForEmail(headEmail, { excludeIds: before, subject: /est inscrit sur Tremplin/ })
    await operator.goto(`/plateforme?q=${uai}`)
    await expect(operator.getByRole('cell', { name: schoolName })).toBeVisible()
    await context.close()
  })

  await test.step('she signs in and finds her establishment, which she may edit', async () => {
    await signIn(page, headEmail, '/equipe/etablissement')
    await expect(page.getByRole('heading', { name: 'Établissement', exact: true })).toBeVisible()
    await expect(page.getByLabel('Nom de l’établissement')).toHaveValue(schoolName)
    await expect(page.getByLabel('Commune')).toHaveValue('Blagnac')
    await expect(
      page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', {
        name: 'Établissement',
      }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Latitude').fill('43,6373')
    await page.getByLabel('Longitude').fill('1,3900')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByText('Coordonnées de l’établissement enregistrées.')).toBeVisible()
  })

  await test.step('she adds the school’s logo, which the header then shows', async () => {
    await page.getByLabel('Ajouter un logo').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      ),
    })
    await page.getByRole('button', { name: 'Envoyer le logo' }).click()
    await expect(page.getByText('Logo enregistré.')).toBeVisible()
    const logo = page.getByRole('banner').getByRole('img', { name: `Logo : ${schoolName}` })
    await expect(logo).toBeVisible()
    const served = await page.request.get((await logo.getAttribute('src'))!)
    expect(served.headers()['content-type']).toBe('image/png')
  })
})

test('the platform operator creates an establishment and invites its head', async ({ browser }) => {
  test.setTimeout(120_000)
  const uai = freshUai()
  const name = `Lycée Olympe de Gouges ${uai}`
  const headEmail = `proviseur.${uai.toLowerCase()}@lycee-gouges.example`
  const context = await signedInContext(browser, 'plateforme@tremplin.example')
  const page = await context.newPage()
  await page.goto('/plateforme/etablissements/nouveau')
  await expect(page.getByRole('heading', { name: 'Nouvel établissement' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Code UAI').fill(uai)
  await page.getByLabel('Type d’établissement').selectOption({ label: 'Lycée' })
  await page.getByLabel('Nom de l’établissement').fill(name)
  await page.getByLabel('Code postal').fill('31000')
  await expect(page.getByLabel('Commune')).toHaveValue('Toulouse')
  await page.getByLabel('Latitude').fill('43,6045')
  await page.getByLabel('Longitude').fill('1,4440')
  await page.getByLabel('Domaines e-mail du personnel').fill('lycee-gouges.example, ac-toulouse.fr')
  await page.getByLabel('Adresse du chef d’établissement').fill(headEmail)
  const before = await emailIdsTo(headEmail)
  await page.getByRole('button', { name: 'Créer l’établissement' }).click()
  await expect(
    page.getByText(`${name} : établissement créé, invitation envoyée au chef d’établissement.`),
  ).toBeVisible()
  const invitation = await waitForEmail(headEmail, { excludeIds: before, subject: /Invitation/ })
  expect(invitation.text).toContain('Direction de l’établissement')
  linkIn(invitation, '/invitation/')

  await test.step('the same UAI a second time is refused on its field', async () => {
    await page.getByLabel('Code UAI').fill(uai)
    await page.getByLabel('Type d’établissement').selectOption({ label: 'Lycée' })
    await page.getByLabel('Nom de l’établissement').fill(`${name} bis`)
    await page.getByLabel('Code postal').fill('31000')
    await expect(page.getByLabel('Commune')).toHaveValue('Toulouse')
    await page.getByRole('button', { name: 'Créer l’établissement' }).click()
    await expect(page.getByLabel('Code UAI')).toHaveAttribute('aria-invalid', 'true')
    await expect(
      page.getByText('Code UAI : un établissement de ce code est déjà sur la plateforme.').first(),
    ).toBeVisible()
  })
  await page.goto(`/plateforme?q=${uai}`)
  await expect(page.getByRole('cell', { name })).toBeVisible()
  await expect(page.getByText('1 établissement pour')).toBeVisible()
  await expectAccessible(page)
  await context.close()
})

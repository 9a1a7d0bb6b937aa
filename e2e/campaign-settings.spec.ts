import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { signIn } from './support/sign-in'

// Its own campaign: the recommendation journey locks the demo campaign's questions.
async function createCampaign() {
  const db = testDb()
  const suffix = Math.random().toString(36).slice(2, 8)
  const { rows: est } = await db.query<{ id: string }>(
    "select id from establishments where uai = '0310044E'",
  )
  const { rows: prog } = await db.query<{ id: string }>(
    'insert into programmes (establishment_id, name) values ($1, $2) returning id',
    [est[0]!.id, `BTS test ${suffix}`],
  )
  const { rows: camp } = await db.query<{ id: string }>(
    "insert into admission_campaigns (establishment_id, programme_id, name, opens_at, closes_at, recommendation_deadline) values ($1, $2, $3, now() - interval '1 day', now() + interval '30 days', now() + interval '40 days') returning id",
    [est[0]!.id, prog[0]!.id, `Campagne ${suffix}`],
  )
  await db.query(
    "insert into recommendation_questions (campaign_id, kind, label, position) values ($1, 'scale', 'Rigueur', 0), ($1, 'text', 'Appréciation', 1)",
    [camp[0]!.id],
  )
  return { id: camp[0]!.id, programme: `BTS test ${suffix}` }
}

test('a coordinator sets the calendar and the questionnaire of a campaign', async ({ page }) => {
  test.setTimeout(120_000) // axe runs at two widths on a long settings page
  const campaign = await createCampaign()
  await signIn(page, 'coordination@ozenne.example', '/equipe/campagnes')
  await page.getByRole('link', { name: campaign.programme, exact: true }).click()
  await expect(page.getByRole('heading', { name: campaign.programme })).toBeVisible()
  await expectAccessible(page)

  await test.step('a closing date before the opening is refused next to the field', async () => {
    await page.getByLabel('Clôture (23 h 59)').fill('2020-01-01')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    // Listed in the form's error summary, and said next to the field (its description).
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Clôture : doit suivre l’ouverture.' }),
    ).toBeVisible()
    await expect(page.getByLabel('Clôture (23 h 59)')).toHaveAccessibleDescription(
      /Clôture : doit suivre l’ouverture\./,
    )
  })

  await test.step('three recommenders and new dates are saved', async () => {
    await page.getByLabel('Clôture (23 h 59)').fill('2099-06-30')
    await page.getByLabel('Nombre de recommandants demandés').fill('3')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect(page.getByText('Paramètres enregistrés.')).toBeVisible()
    const { rows } = await testDb().query(
      "select required_recommendations, to_char(closes_at at time zone 'Europe/Paris', 'YYYY-MM-DD HH24:MI') as closes from admission_campaigns where id = $1",
      [campaign.id],
    )
    expect(rows[0]).toEqual({ required_recommendations: 3, closes: '2099-06-30 23:59' })
  })

  await test.step('a question is added, moved up and removed', async () => {
    const newQuestion = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Ajouter la question' }) })
    await newQuestion.getByLabel('Intitulé').fill('Curiosité intellectuelle')
    await newQuestion.getByRole('button', { name: 'Ajouter la question' }).click()
    const list = page.getByRole('list').filter({ hasText: 'Rigueur' })
    await expect(list.getByText('3. Curiosité intellectuelle')).toBeVisible()
    await page.getByRole('button', { name: 'Monter « Curiosité intellectuelle »' }).click()
    await expect(list.getByText('2. Curiosité intellectuelle')).toBeVisible()
    await page.getByRole('button', { name: 'Supprimer « Curiosité intellectuelle »' }).click()
    await expect(list.getByText('Curiosité intellectuelle')).toHaveCount(0)
  })

  await expect(page.getByTitle('Aperçu de l’e-mail d’invitation')).toBeVisible()
  await expectAccessible(page)
})

test('a coordinator opens a campaign for a new programme, asks for a document, and candidates find it in the catalogue', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const suffix = Math.random().toString(36).slice(2, 8)
  const programme = `Licence professionnelle ${suffix}`
  await signIn(page, 'coordination@ozenne.example', '/equipe/campagnes')
  await page.getByRole('link', { name: 'Nouvelle campagne' }).click()
  await expect(
    page.getByRole('heading', { name: 'Nouvelle campagne de candidature' }),
  ).toBeVisible()
  await expectAccessible(page)

  await test.step('a new programme needs a name, said next to the field', async () => {
    await page.getByRole('combobox', { name: 'Formation', exact: true }).selectOption('new')
    await page.getByRole('button', { name: 'Créer la campagne' }).click()
    const summary = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Il y a un problème' }) })
    await expect(summary).toBeFocused()
    await summary
      .getByRole('link', { name: 'Nom de la formation : 3 caractères au moins.' })
      .click()
    await expect(page.getByLabel('Nom de la formation')).toBeFocused()
    await expect(page.getByLabel('Nom de la formation')).toHaveAccessibleDescription(
      /3 caractères au moins/,
    )
  })

  await test.step('the programme, its department and the campaign are created', async () => {
    await page.getByLabel('Nom de la formation').fill(programme)
    await page.getByLabel('Niveau').fill('Bac+3')
    await page.getByLabel('Département').fill(`Numérique ${suffix}`)
    await page.getByLabel('Nombre de recommandants demandés').fill('0')
    await page.getByRole('button', { name: 'Créer la campagne' }).click()
    await expect(page.getByRole('heading', { name: programme })).toBeVisible()
    await expect(page.getByLabel('Département')).toHaveValue(`Numérique ${suffix}`)
    await expectAccessible(page)
  })

  await test.step('a required document is asked for', async () => {
    const newDocument = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Ajouter la pièce' }) })
    await newDocument.getByLabel('Nom de la pièce').fill('Portfolio de projets')
    await newDocument.getByRole('button', { name: 'Ajouter la pièce' }).click()
    await expect(page.getByText('Portfolio de projets', { exact: true })).toBeVisible()
  })

  await test.step('the campaign is in the staff list and in the public catalogue, under its department', async () => {
    await page.goto('/equipe/campagnes')
    await expect(page.getByRole('row').filter({ hasText: programme })).toContainText(
      `Numérique ${suffix}`,
    )
    await page.goto(`/?departement=${encodeURIComponent(`Numérique ${suffix}`)}`)
    await expect(page.getByRole('heading', { name: programme })).toBeVisible()
    await expect(
      page.getByText('1 formation ouverte correspondant à votre recherche'),
    ).toBeVisible()
  })
})

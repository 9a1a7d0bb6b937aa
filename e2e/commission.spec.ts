import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { fillApplication } from './support/application'
import { pdfFile } from './support/files'
import { emailsTo, waitForEmail } from './support/outbox'
import { signedInContext, signInFromPage } from './support/sign-in'

const unique = () => Math.random().toString(36).slice(2, 8)
const BTS_CG = 'BTS Comptabilité et gestion'
const BTS_MCO = 'BTS Management commercial opérationnel'

/** From the catalogue, a candidate applies to one programme with her transcripts. */
async function applyTo(
  page: Page,
  programme: string,
  who: { firstName: string; lastName: string },
) {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Formation, établissement ou ville' }).fill(programme)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await page.getByRole('link', { name: `Candidater en ${programme}` }).click()
  if (page.url().includes('/connexion')) return 'sign-in' as const
  await fillApplication(page, [], who)
  await page
    .getByLabel('Choisir un fichier pour « Relevés de notes post-bac »')
    .setInputFiles(pdfFile('releves.pdf'))
  await expect(page.getByRole('link', { name: 'releves.pdf' })).toBeVisible()
  await page.getByRole('button', { name: 'Déposer ma candidature' }).click()
  await expect(page).toHaveURL(/\/espace\?depot=ok/)
  return 'done' as const
}

async function candidatePage(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/connexion?callbackUrl=%2Fespace')
  await signInFromPage(page, email)
  return page
}

/** The coordinator accepts a file's documents from its page. */
async function validateDocuments(page: Page, lastName: string, programme: string) {
  await page.goto(`/equipe/candidatures?statut=deposees&q=${encodeURIComponent(lastName)}`)
  await page
    .getByRole('row')
    .filter({ hasText: programme })
    .getByRole('link', { name: new RegExp(lastName, 'i') })
    .click()
  await page.getByRole('button', { name: 'Valider « Relevés de notes post-bac »' }).click()
  await expect(page.getByText('Complète', { exact: true }).first()).toBeVisible()
}

test('a commission season: two wishes, a review, decisions published, a place confirmed, one given up and passed on', async ({
  browser,
}) => {
  test.setTimeout(300_000) // a whole season, with axe at two widths on each page
  const run = unique()
  const lea = { email: `lea-${run}@exemple.fr`, firstName: 'Léa', lastName: `Durand${run}` }
  const hugo = { email: `hugo-${run}@exemple.fr`, firstName: 'Hugo', lastName: `Petit${run}` }

  const leaPage = await candidatePage(browser, lea.email)
  await test.step('Léa applies to two programmes from one account, with her documents', async () => {
    expect(await applyTo(leaPage, BTS_CG, lea)).toBe('done')
    expect(await applyTo(leaPage, BTS_MCO, lea)).toBe('done')
    await expect(leaPage.getByRole('heading', { name: BTS_CG })).toBeVisible()
    await expect(leaPage.getByRole('heading', { name: BTS_MCO })).toBeVisible()
    await expectAccessible(leaPage)
  })

  const hugoPage = await candidatePage(browser, hugo.email)
  await test.step('Hugo applies to the first one too', async () => {
    expect(await applyTo(hugoPage, BTS_CG, hugo)).toBe('done')
  })

  const coordination = await (
    await signedInContext(browser, 'coordination@ozenne.example')
  ).newPage()
  await test.step('the coordinator checks the documents: the files become complete', async () => {
    await validateDocuments(coordination, lea.lastName, BTS_CG)
    await validateDocuments(coordination, lea.lastName, BTS_MCO)
    await validateDocuments(coordination, hugo.lastName, BTS_CG)
    await expectAccessible(coordination)
  })

  for (const programme of [BTS_CG, BTS_MCO]) {
    await test.step(`the coordinator hands the ${programme} files to the reviewer`, async () => {
      await coordination.goto('/equipe/campagnes')
      await coordination
        .getByRole('link', { name: `Classement et décisions — ${programme}` })
        .click()
      await coordination.getByText('Répartir les dossiers entre examinateurs').click()
      // Sophie Examinatrice alone: Ozenne's other reviewers (Camille Roux, and those other
      // journeys create meanwhile) stay out of the split.
      const split = coordination.locator('form', {
        has: coordination.getByRole('button', { name: 'Répartir équitablement' }),
      })
      for (const box of await split.getByRole('checkbox').all()) await box.uncheck()
      await split.getByRole('checkbox', { name: 'Sophie Examinatrice' }).check()
      await coordination.getByRole('button', { name: 'Répartir équitablement' }).click()
      await expect(coordination.getByText('Dossiers répartis.')).toBeVisible()
      await expect(
        coordination.getByRole('row').filter({ hasText: lea.lastName }).getByText('En examen'),
      ).toBeVisible()
      await expectAccessible(coordination)
    })
  }

  const reviewer = await (await signedInContext(browser, 'examinateur@ozenne.example')).newPage()
  await test.step('the reviewer scores the files beside them', async () => {
    const scores: [string, string, number][] = [
      [lea.lastName, BTS_CG, 16],
      [hugo.lastName, BTS_CG, 12],
      [lea.lastName, BTS_MCO, 15],
    ]
    for (const [lastName, programme, mark] of scores) {
      await reviewer.goto('/equipe/examen')
      await expect(reviewer.getByRole('heading', { name: 'Mes évaluations' })).toBeVisible()
      await reviewer
        .getByRole('row')
        .filter({ hasText: programme })
        .filter({ hasText: lastName.toUpperCase() })
        .getByRole('link')
        .click()
      await reviewer.getByLabel(/Résultats scolaires/).fill(String(mark))
      await reviewer.getByLabel(/Motivation et projet/).fill(String(mark))
      await reviewer.getByLabel(/Avis des recommandants/).fill(String(mark))
      await expect(reviewer.getByText(`${mark} / 20`)).toBeVisible()
      await reviewer.getByRole('button', { name: 'Terminer l’évaluation' }).click()
      await expect(reviewer.getByText('Évaluation terminée.')).toBeVisible()
    }
    await expectAccessible(reviewer)
  })

  await test.step('the coordinator decides from the ranking and publishes after a preview', async () => {
    await coordination.goto('/equipe/campagnes')
    await coordination.getByRole('link', { name: `Classement et décisions — ${BTS_CG}` }).click()
    const leaRow = coordination.getByRole('row').filter({ hasText: lea.lastName.toUpperCase() })
    await expect(leaRow.getByRole('cell', { name: '16', exact: true })).toBeVisible()
    await leaRow.getByRole('checkbox').check()
    await coordination.getByLabel('Décision', { exact: true }).selectOption('admitted')
    await coordination.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await expect(coordination.getByText('Décisions enregistrées (non publiées).')).toBeVisible()
    await coordination
      .getByRole('row')
      .filter({ hasText: hugo.lastName.toUpperCase() })
      .getByRole('checkbox')
      .check()
    await coordination.getByLabel('Décision', { exact: true }).selectOption('waitlisted')
    await coordination.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await expect(
      coordination
        .getByRole('row')
        .filter({ hasText: hugo.lastName.toUpperCase() })
        .getByText('Liste d’attente'),
    ).toBeVisible()
    await coordination.getByRole('button', { name: 'Prévisualiser et publier' }).click()
    const dialog = coordination.getByRole('dialog')
    await expect(
      dialog.getByText('Favorable — objet : Décision d’admission — BTS Comptabilité et gestion'),
    ).toBeVisible()
    await expectAccessible(coordination)
    await dialog.getByRole('button', { name: 'Publier et envoyer' }).click()
    await expect(
      coordination.getByText('Décisions publiées : les candidats sont prévenus.'),
    ).toBeVisible()

    await coordination.goto('/equipe/campagnes')
    await coordination.getByRole('link', { name: `Classement et décisions — ${BTS_MCO}` }).click()
    await coordination
      .getByRole('row')
      .filter({ hasText: lea.lastName.toUpperCase() })
      .getByRole('checkbox')
      .check()
    await coordination.getByLabel('Décision', { exact: true }).selectOption('admitted')
    await coordination.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await expect(coordination.getByText('Décisions enregistrées (non publiées).')).toBeVisible()
    await coordination.getByRole('button', { name: 'Prévisualiser et publier' }).click()
    await coordination
      .getByRole('dialog')
      .getByRole('button', { name: 'Publier et envoyer' })
      .click()
    await expect(
      coordination.getByText('Décisions publiées : les candidats sont prévenus.'),
    ).toBeVisible()
  })

  await test.step('Léa is told, with the letter; she confirms one place and gives up the other', async () => {
    const decision = await waitForEmail(lea.email, {
      subject: /Décision d’admission — BTS Comptabilité et gestion/,
    })
    expect(decision.text).toContain('Décision : avis favorable.')
    await leaPage.goto('/espace')
    await leaPage.getByRole('link', { name: `Suivre cette candidature en ${BTS_MCO}` }).click()
    await expect(
      leaPage.getByRole('link', { name: 'Télécharger la lettre de décision (PDF)' }),
    ).toBeVisible()
    await expectAccessible(leaPage)
    await leaPage.getByRole('button', { name: 'Je confirme ma place' }).click()
    await expect(leaPage.getByText('Votre place est confirmée.')).toBeVisible()
    await expect(leaPage.getByText('Confirmée', { exact: true })).toBeVisible()

    await leaPage.goto('/espace')
    await leaPage.getByRole('link', { name: `Suivre cette candidature en ${BTS_CG}` }).click()
    await leaPage.getByRole('button', { name: 'Je renonce à cette place' }).click()
    await leaPage.getByRole('dialog').getByRole('button', { name: 'Oui, retirer' }).click()
    await expect(leaPage.getByText('Désistée', { exact: true })).toBeVisible()
  })

  await test.step('Hugo, first on the waiting list, is offered the place and told', async () => {
    await expect
      .poll(async () =>
        (await emailsTo(hugo.email)).some(
          (e) => e.template === 'decision' && e.text.includes('Une place s’est libérée'),
        ),
      )
      .toBe(true)
    await hugoPage.goto('/espace')
    await expect(hugoPage.getByText('Favorable', { exact: true })).toBeVisible()
  })

  await test.step('the information-system export holds exactly the confirmed candidate', async () => {
    const response = await coordination.request.get('/api/exports/si?format=csv')
    expect(response.status()).toBe(200)
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^ID_TREMPLIN;UAI_ETABLISSEMENT;FORMATION;/)
    const ours = lines.slice(1).filter((l) => l.includes(run))
    expect(ours).toHaveLength(1)
    expect(ours[0]).toContain(lea.email)
    expect(ours[0]).toContain(BTS_MCO)
    expect(ours[0]).toContain(lea.lastName.toUpperCase())
  })
})

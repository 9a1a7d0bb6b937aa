import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { toWindows1252 } from '../db/test/student-lists'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { signedInContext } from './support/sign-in'

const firstNames = [
  'Léa',
  'Chloé',
  'Inès',
  'Zoé',
  'Maëlys',
  'Noé',
  'Théo',
  'Jérémy',
  'Anaïs',
  'Loïc',
]
const lastNames = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Cœur', 'Faure']

/**
 * The class list as Excel saves it in France ("CSV (séparateur : point-virgule)"):
 * Windows-1252, semicolons, CRLF. The last-name column is headed "Patronyme", which the
 * mapping does not guess; lines 9 and 23 are broken (an impossible date, a bad address).
 */
function classList(className: string, tag: string) {
  const lines = ['Patronyme;Prénom;Date de naissance;Classe;E-mail;Responsable légal']
  for (let i = 0; i < 30; i++) {
    const last = `${lastNames[i % lastNames.length]} ${tag}${i}`
    const birth = i === 7 ? '31/02/2012' : `${String((i % 28) + 1).padStart(2, '0')}/05/2012`
    const email = i === 21 ? 'eleve.sans.domaine@' : `eleve${i}.${tag}@exemple.fr`
    lines.push(
      [last, firstNames[i % firstNames.length], birth, className, email, `M. ${last}`].join(';'),
    )
  }
  return Buffer.from(toWindows1252(lines.join('\r\n') + '\r\n'))
}

test('the head creates a class, imports 30 pupils from an Excel CSV with two broken rows, fixes the mapping, confirms and sees the class with its counts', async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 6)
  const className = `3e ${tag}`
  const page = await (await signedInContext(browser, 'direction@ozenne.example')).newPage()

  await test.step('the head creates the class', async () => {
    await page.goto('/equipe')
    await page.getByRole('link', { name: 'Classes', exact: true }).first().click()
    await expect(page.getByRole('heading', { name: 'Classes et promotions' })).toBeVisible()
    await expectAccessible(page)
    const form = page.getByRole('form', { name: 'Nouvelle classe' })
    await form.getByLabel('Nom').fill(className)
    await form.getByLabel('Niveau').fill('3e')
    await form.getByRole('button', { name: 'Créer la classe' }).click()
    await expect(page.getByRole('heading', { name: className })).toBeVisible()
  })

  await test.step('she uploads the list and sees every row refused for want of a name', async () => {
    await page.getByRole('link', { name: 'Importer des élèves' }).click()
    await expect(page.getByRole('heading', { name: 'Importer des élèves' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Fichier des élèves (CSV ou XLSX, 5 Mo au plus)').setInputFiles({
      name: 'eleves-3e.csv',
      mimeType: 'text/csv',
      buffer: classList(className, tag),
    })
    await expect(page).toHaveURL(/\/equipe\/eleves\/import\/[0-9a-f-]{36}$/)
    await expect(
      page.getByRole('heading', { name: 'Aperçu de l’import : eleves-3e.csv' }),
    ).toBeVisible()
    await expect(
      page.getByText('CSV en Windows-1252 (Excel), séparé par des points-virgules'),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Lignes en erreur (30)' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('she maps "Patronyme" to the last name: two rows remain, with their line and reason', async () => {
    const mapping = page.getByRole('form', { name: 'Correspondance des colonnes' })
    await expect(mapping.getByRole('combobox', { name: 'Prénom' })).toHaveValue('1')
    await mapping
      .getByRole('combobox', { name: 'Nom', exact: true })
      .selectOption({ label: 'Patronyme' })
    await mapping.getByRole('button', { name: 'Mettre à jour l’aperçu' }).click()
    await expect(page.getByRole('heading', { name: 'Lignes en erreur (2)' })).toBeVisible()
    const errors = page.getByRole('region', { name: 'Lignes en erreur', exact: true })
    await expect(errors.getByRole('row').nth(1)).toContainText('9')
    await expect(errors.getByRole('row').nth(1)).toContainText(
      'Date de naissance invalide « 31/02/2012 » : attendu jj/mm/aaaa.',
    )
    await expect(errors.getByRole('row').nth(2)).toContainText('23')
    await expect(errors.getByRole('row').nth(2)).toContainText(
      'Adresse e-mail invalide « eleve.sans.domaine@ ».',
    )
    // Accents came through from Windows-1252.
    await expect(page.getByRole('region', { name: 'Premières lignes', exact: true })).toContainText(
      `Cœur ${tag}6`,
    )
  })

  await test.step('she confirms: 28 pupils are created in the class', async () => {
    await page.getByRole('button', { name: 'Importer 28 élèves' }).click()
    await expect(
      page.getByRole('heading', { name: 'Import terminé : eleves-3e.csv' }),
    ).toBeVisible()
    const counts = page.getByRole('region', { name: 'Bilan', exact: true })
    await expect(counts.getByText('Créés')).toBeVisible()
    await expect(counts).toContainText('Créés28')
    await expectAccessible(page)
  })

  await test.step('the class shows its 28 pupils, none with an account yet', async () => {
    await page.getByRole('link', { name: 'Voir les classes' }).click()
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: className }) })
    await expect(card.getByRole('definition').first()).toHaveText('28')
    await expect(card).toContainText('Comptes activés0 / 28')
    await expect(
      card.getByRole('button', { name: `Inviter les élèves de la classe ${className} (28)` }),
    ).toBeVisible()
    const { rows } = await testDb().query<{ n: number }>(
      `select count(*)::int as n from enrolments e join classes c on c.id = e.class_id where c.name = $1`,
      [className],
    )
    expect(rows[0]!.n).toBe(28)
  })

  await test.step('the list of pupils of the class shows each one, not yet invited', async () => {
    await page.getByRole('link', { name: 'Liste des élèves' }).click()
    const search = page.getByRole('search', { name: 'Rechercher des élèves' })
    await search.getByLabel('Classe').selectOption({ label: className })
    await search.getByRole('button', { name: 'Rechercher' }).click()
    await expect(page.getByText('28 élèves trouvé(s).', { exact: false })).toBeVisible()
    const table = page.getByRole('region', { name: /^Élèves / })
    await expect(table.getByRole('row')).toHaveCount(29)
    await expect(table.getByRole('row', { name: new RegExp(`Cœur ${tag}6`) })).toContainText(
      'Pas encore invité',
    )
    await expectAccessible(page)
  })
})

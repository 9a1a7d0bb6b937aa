import type { Page } from '@playwright/test'

/** Fills the application form as a candidate would (recommenders only when the campaign asks). */
export async function fillApplication(
  page: Page,
  recommenders: { name: string; position: string; email: string }[],
  who: { firstName?: string; lastName?: string } = {},
) {
  await page.getByRole('radio', { name: 'Madame' }).check()
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill(who.firstName ?? 'Léa')
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(who.lastName ?? 'Martin')
  await page.getByLabel('Date de naissance').fill('2004-05-12')
  await page.getByLabel('Téléphone').fill('06 12 34 56 78')
  await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('12 rue des Lilas')
  await page.getByLabel('Code postal').fill('31000')
  await page.getByLabel('Ville').fill('Toulouse')
  await page.getByLabel('Diplôme en cours').selectOption('bts')
  await page
    .getByRole('textbox', { name: 'Établissement', exact: true })
    .fill('Lycée Déodat de Séverac')
  await page.getByLabel('Spécialité').fill('BTS Comptabilité et gestion')
  await page.getByLabel('Année d’obtention (prévue)').fill('2026')
  await page
    .getByLabel('Lettre de motivation')
    .fill(
      'Je souhaite intégrer cette formation pour approfondir la gestion et préparer la suite de mes études. '.repeat(
        3,
      ),
    )
  for (const [index, r] of recommenders.entries()) {
    const block = page
      .locator('div')
      .filter({ has: page.getByRole('heading', { name: `Recommandant ${index + 1}` }) })
      .last()
    await block.getByLabel('Nom et prénom').fill(r.name)
    await block.getByLabel('Poste').fill(r.position)
    await block.getByLabel('Adresse e-mail').fill(r.email)
  }
}

import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { linkIn, waitForEmail } from './support/outbox'
import { signedInContext } from './support/sign-in'

// Lycée Ozenne's head opens the platform to two colleagues: an admissions coordinator (with a
// personal address, outside the school's domains: a warning, not a refusal) and the main
// teacher of BTS CG 1. Each opens the emailed link on their own device, accepts, and lands in
// the team space with their role's navigation; a used link says so; a removed member's open
// session is refused at once.
const head = 'direction@ozenne.example'
const suffix = Date.now().toString(36)
const coordinator = `marc.coord-${suffix}@gmail.example`
const mainTeacher = `pp.bts-${suffix}@ozenne.example`

async function invite(page: Page, email: string, role: string, classes: string[] = []) {
  const form = page.getByRole('region', { name: 'Inviter une personne' })
  await form.getByLabel('Adresse e-mail').fill(email)
  await form.getByLabel('Rôle').selectOption({ label: role })
  for (const name of classes) await form.getByLabel(name).check()
  await form.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(page.getByText(`Invitation envoyée à ${email}`)).toBeVisible()
  await expect(
    page
      .getByRole('table', { name: /Invitations envoyées/ })
      .getByRole('cell', { name: email, exact: true }),
  ).toBeVisible()
}

async function openInvitation(browser: Browser, email: string) {
  const message = await waitForEmail(email, { subject: /Invitation à rejoindre Lycée Ozenne/ })
  const link = linkIn(message, '/invitation/')
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(link)
  return { context, page, link }
}

test('the head invites a coordinator and a main teacher, who join; a used link and a removed member are refused', async ({
  browser,
}) => {
  test.setTimeout(150_000) // three people's devices, axe at two widths on each page
  const headContext = await signedInContext(browser, head)
  const headPage = await headContext.newPage()

  await test.step('the head invites a coordinator, warned that the address is a personal one', async () => {
    await headPage.goto('/equipe/membres')
    await expect(
      headPage.getByRole('heading', { level: 1, name: 'Membres de l’établissement' }),
    ).toBeVisible()
    await headPage.getByLabel('Adresse e-mail').fill(coordinator)
    await expect(headPage.getByTestId('outside-domains')).toContainText('@ozenne.example')
    await expectAccessible(headPage)
    await invite(headPage, coordinator, 'Coordination')
  })

  await test.step('then the main teacher of BTS CG 1, on the school’s domain', async () => {
    const form = headPage.getByRole('region', { name: 'Inviter une personne' })
    await form.getByLabel('Rôle').selectOption({ label: 'Professeur principal' })
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click()
    await expect(form.getByText(/cochez au moins une classe/).first()).toBeVisible()
    await form.getByLabel('Adresse e-mail').fill(mainTeacher)
    await expect(headPage.getByTestId('outside-domains')).toHaveCount(0)
    await invite(headPage, mainTeacher, 'Professeur principal', ['BTS CG 1'])
    await expectAccessible(headPage)
  })

  await test.step('the coordinator opens the link, sees who invited her to what, and joins', async () => {
    const { page, link, context } = await openInvitation(browser, coordinator)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Rejoindre Lycée Ozenne' }),
    ).toBeVisible()
    await expect(page.getByText('Coordination', { exact: true })).toBeVisible()
    await expect(page.getByText('Hélène Proviseure')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Accepter et me connecter' }).click()
    await expect(page).toHaveURL(/\/equipe(\?|$)/)
    await expect(page.getByText('Invitation acceptée')).toBeVisible()
    const nav = page.getByRole('navigation', { name: 'Navigation principale' })
    await expect(nav.getByRole('link', { name: 'Candidatures' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Membres' })).toHaveCount(0)
    await expectAccessible(page)

    // The same link, once more.
    await page.goto(link)
    await expect(page.getByText(/déjà été utilisée/)).toBeVisible()
    await expectAccessible(page)

    // The main teacher's link, opened on the coordinator's device: not hers to accept.
    const message = await waitForEmail(mainTeacher, { subject: /Invitation/ })
    const other = linkIn(message, '/invitation/')
    await page.goto(other)
    await expect(page.getByText('Vous êtes connecté·e avec une autre adresse')).toBeVisible()
    await expect(page.getByRole('button', { name: /Accepter/ })).toHaveCount(0)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Me déconnecter' }).click()
    await expect(page.getByRole('button', { name: 'Accepter et me connecter' })).toBeVisible()
    await expect(page).toHaveURL(other)
    await context.close()
  })

  const teacher = await openInvitation(browser, mainTeacher)
  await test.step('the main teacher joins, with her class and her role’s navigation', async () => {
    const { page } = teacher
    await expect(page.getByText('BTS CG 1')).toBeVisible()
    await page.getByRole('button', { name: 'Accepter et me connecter' }).click()
    await expect(page).toHaveURL(/\/equipe(\?|$)/)
    const nav = page.getByRole('navigation', { name: 'Navigation principale' })
    await expect(nav.getByRole('link', { name: 'Tableau de bord' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Candidatures' })).toHaveCount(0)
  })

  await test.step('the head sees both in the team and removes the main teacher, whose session ends at once', async () => {
    await headPage.goto(`/equipe/membres?q=${encodeURIComponent(mainTeacher)}`)
    const row = headPage.getByRole('row').filter({ hasText: mainTeacher })
    await expect(row.getByText('BTS CG 1')).toBeVisible()
    await row.getByRole('button', { name: `Retirer ${mainTeacher} de l’établissement` }).click()
    const dialog = headPage.getByRole('dialog', { name: /Retirer .* de l’établissement/ })
    await expect(dialog.getByText(/d’autres établissements/)).toBeVisible()
    await expectAccessible(headPage)
    await dialog.getByRole('button', { name: 'Oui, retirer cette personne' }).click()
    await expect(headPage.getByText(/retiré·e de l’établissement et déconnecté·e/)).toBeVisible()
    await expect(headPage.getByRole('cell', { name: mainTeacher, exact: true })).toHaveCount(0)

    await teacher.page.goto('/equipe')
    await expect(teacher.page).toHaveURL(/\/connexion/)
    await teacher.context.close()
  })

  await headContext.close()
})

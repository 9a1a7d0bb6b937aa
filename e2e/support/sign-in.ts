import { expect, type Browser, type Page } from '@playwright/test'
import { emailIdsTo, linkIn, waitForEmail } from './outbox'

/** Signs in from the sign-in page the way a person does: email, link from the outbox, confirm. */
export async function signInFromPage(page: Page, email: string) {
  const excludeIds = await emailIdsTo(email)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible()
  const message = await waitForEmail(email, { excludeIds, subject: /lien de connexion/ })
  await page.goto(linkIn(message, '/connexion/confirmer'))
  await page.getByRole('button', { name: 'Me connecter' }).click()
}

export async function signIn(page: Page, email: string, callbackUrl = '/espace') {
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await signInFromPage(page, email)
}

/** A browser context signed in as `email`, or anonymous when `email` is null. */
export async function signedInContext(browser: Browser, email: string | null) {
  const context = await browser.newContext()
  if (email) {
    const page = await context.newPage()
    await signIn(page, email)
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
    await page.close()
  }
  return context
}

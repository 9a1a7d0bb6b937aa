import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, type Browser, type Page } from '@playwright/test'
import { emailIdsTo, linkIn, testDb, waitForEmail } from './outbox'

const LOCKS = '.data/e2e-locks'
const STALE_LOCK_MS = 60_000

/**
 * Tests running in parallel may sign the same demo account in at once; each would see the
 * other's fresh link. One sign-in per address at a time, across workers (a directory is
 * created atomically; a lock older than a minute is from a dead run).
 */
export async function oneSignInAtATime<T>(email: string, body: () => Promise<T>): Promise<T> {
  mkdirSync(LOCKS, { recursive: true })
  const lock = path.join(LOCKS, email.replace(/[^a-z0-9@._-]/gi, '_'))
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  try {
    return await body()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Signs in from the sign-in page the way a person does: email, link from the outbox, confirm. */
export async function signInFromPage(page: Page, email: string) {
  await oneSignInAtATime(email, async () => {
    const excludeIds = await emailIdsTo(email)
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
    await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible()
    const message = await waitForEmail(email, { excludeIds, subject: /lien de connexion/ })
    await page.goto(linkIn(message, '/connexion/confirmer'))
    await page.getByRole('button', { name: 'Me connecter' }).click()
    await expect(page).not.toHaveURL(/\/connexion\/confirmer/)
  })
}

export async function signIn(page: Page, email: string, callbackUrl = '/espace') {
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await signInFromPage(page, email)
}

export const SESSIONS_DIR = '.data/e2e-sessions'

/**
 * A saved session ends like a person's (a staff session unused for 30 minutes,
 * lib/auth/session-limits.ts): one with less than 5 minutes left is not reused, the journey
 * signs in again instead.
 */
async function stillOpen(saved: string): Promise<boolean> {
  const state = JSON.parse(readFileSync(saved, 'utf8')) as {
    cookies: { name: string; value: string }[]
  }
  const token = state.cookies.find((c) => c.name.endsWith('authjs.session-token'))?.value
  if (!token) return false
  const { rows } = await testDb().query(
    "select 1 from sessions where session_token = $1 and last_seen_at > now() - interval '25 minutes'",
    [token],
  )
  return rows.length > 0
}

/**
 * A browser context signed in as `email`, or anonymous when `email` is null. The first one
 * for an address signs in through the emailed link; later ones in the same run reuse its
 * session cookie, as a person's browser would (the app sends at most 10 sign-in links an
 * hour to one address, and the demo accounts appear in many journeys). The sign-in flow
 * itself is played in full by sign-in.spec.ts and wherever a journey signs in from a page.
 */
export async function signedInContext(browser: Browser, email: string | null) {
  if (!email) return browser.newContext()
  const saved = path.join(SESSIONS_DIR, `${email.replace(/[^a-z0-9@._-]/gi, '_')}.json`)
  return oneSignInAtATime(`session-${email}`, async () => {
    if (existsSync(saved) && (await stillOpen(saved)))
      return browser.newContext({ storageState: saved })
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, email)
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
    await page.close()
    mkdirSync(SESSIONS_DIR, { recursive: true })
    await context.storageState({ path: saved })
    return context
  })
}

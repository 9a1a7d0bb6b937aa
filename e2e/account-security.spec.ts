import { expect, test, type Page } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { signIn } from './support/sign-in'

// Sessions and access (issue 11, item 7): two-factor sign-in, signing out everywhere, and the
// staff session's idle limit, each played by a person created for the journey (the demo
// accounts keep their sign-in as it is: no two-factor).

/** A new member of Lycée Ozenne with `role`. */
async function newMember(role: 'head' | 'coordinator', name: string) {
  const db = testDb()
  const email = `${role}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@ozenne.example`
  const { rows: user } = await db.query<{ id: string }>(
    'insert into users (id, email, name) values (gen_random_uuid()::text, $1, $2) returning id',
    [email, name],
  )
  await db.query(
    "insert into memberships (user_id, establishment_id, role) select $1, id, $2 from establishments where uai = '0310044E'",
    [user[0]!.id, role],
  )
  return { email, userId: user[0]!.id }
}

/** What the person's authenticator app shows, `steps` periods of 30 s from now. */
const codeFrom = (secret: string, steps = 0) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({ timestamp: Date.now() + steps * 30_000 })

const signOut = (page: Page) =>
  page.getByRole('button', { name: 'Se déconnecter', exact: true }).click()

async function auditActions(userId: string) {
  const { rows } = await testDb().query<{ action: string }>(
    'select action from audit_log where actor_user_id = $1 order by id',
    [userId],
  )
  return rows.map((r) => r.action)
}

test('a head turns two-factor on; every later sign-in asks for a code, and a recovery code works once', async ({
  page,
}) => {
  test.setTimeout(180_000) // axe at two widths on each page, four sign-ins
  const head = await newMember('head', 'Hélène Proviseure')
  let secret = ''
  let recoveryCodes: string[] = []

  await test.step('she opens her account from the header', async () => {
    await signIn(page, head.email, '/equipe')
    await page.getByRole('link', { name: 'Mon compte' }).click()
    await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible()
    await expect(page.getByText('(cet appareil)')).toBeVisible()
    await expect(page.getByText('Recommandée pour la direction')).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('she scans the QR code and confirms with her app’s first code', async () => {
    await page.getByRole('button', { name: 'Activer la validation en deux étapes' }).click()
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
    secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')
    await expectAccessible(page)
    await page.getByLabel('Code affiché par l’application').fill('12345')
    await page.getByRole('button', { name: 'Confirmer l’activation' }).click()
    await expect(page.getByText('Saisissez les 6 chiffres')).toBeVisible()
    await page.getByLabel('Code affiché par l’application').fill(codeFrom(secret))
    await page.getByRole('button', { name: 'Confirmer l’activation' }).click()
    const list = page.getByRole('list', { name: 'Codes de secours' })
    await expect(list.getByRole('listitem')).toHaveCount(10)
    recoveryCodes = await list.getByRole('listitem').allTextContents()
    await page.getByRole('button', { name: 'J’ai noté mes codes' }).click()
    await expect(page.getByText('Codes de secours restants : 10 sur 10.')).toBeVisible()
  })

  await test.step('signed in again by link, nothing opens before the code', async () => {
    await signOut(page)
    await signIn(page, head.email, '/equipe')
    await expect(page).toHaveURL(/\/connexion\/code\?callbackUrl=%2Fequipe/)
    await expect(page.getByRole('heading', { name: 'Code de vérification' })).toBeVisible()
    await expectAccessible(page)
    await page.goto('/equipe/membres')
    await expect(page).toHaveURL(/\/connexion\/code/)
    expect((await page.request.get('/api/exports/si?format=csv')).status()).toBe(401)
  })

  await test.step('a wrong code is refused; a recovery code lets her in', async () => {
    await expect(page.getByRole('heading', { name: 'Code de vérification' })).toBeVisible()
    await page.getByLabel('Code de vérification').fill('000000')
    await page.getByRole('button', { name: 'Valider' }).click()
    await expect(page.getByText('Ce code n’est pas valide.')).toBeVisible()
    await page.getByLabel('Code de vérification').fill(recoveryCodes[0]!)
    await page.getByRole('button', { name: 'Valider' }).click()
    // Where she was going when the code was asked.
    await expect(page).toHaveURL(/\/equipe\/membres$/)
    await expect(page.getByRole('heading', { name: 'Membres de l’établissement' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Mon compte' })).toBeVisible()
  })

  await test.step('the same recovery code is refused next time; her app’s code works', async () => {
    await signOut(page)
    await signIn(page, head.email, '/equipe')
    await page.getByLabel('Code de vérification').fill(recoveryCodes[0]!)
    await page.getByRole('button', { name: 'Valider' }).click()
    await expect(page.getByText('Ce code n’est pas valide.')).toBeVisible()
    // The code shown when she turned it on was used: her app's next one (accepted a step early).
    await page.getByLabel('Code de vérification').fill(codeFrom(secret, 1))
    await page.getByRole('button', { name: 'Valider' }).click()
    await expect(page).toHaveURL(/\/equipe$/)
  })

  await test.step('each step is in the audit log', async () => {
    const actions = await auditActions(head.userId)
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.signed_in',
        'two_factor.enabled',
        'auth.signed_out',
        'two_factor.failed',
        'two_factor.recovery_code_used',
      ]),
    )
    expect(actions.filter((a) => a === 'auth.signed_in')).toHaveLength(3)
  })
})

test('signing out everywhere ends the session open in another browser', async ({ browser }) => {
  test.setTimeout(120_000)
  const coordinator = await newMember('coordinator', 'Paul Partout')
  const laptop = await (await browser.newContext()).newPage()
  const phone = await (await browser.newContext()).newPage()
  await signIn(laptop, coordinator.email, '/equipe')
  await signIn(phone, coordinator.email, '/equipe')

  await test.step('her account lists both sessions; she signs out everywhere', async () => {
    await laptop.goto('/compte')
    await expect(
      laptop.getByRole('list', { name: 'Sessions ouvertes' }).getByRole('listitem'),
    ).toHaveCount(2)
    await laptop.getByRole('button', { name: 'Se déconnecter partout' }).click()
    await expect(laptop).toHaveURL(/\/connexion\?session=partout/)
    await expect(laptop.getByText('Vous êtes déconnecté de tous vos appareils.')).toBeVisible()
    await expect(laptop.getByRole('link', { name: 'Se connecter' })).toBeVisible()
  })

  await test.step('the phone’s next page asks her to sign in again', async () => {
    await phone.goto('/equipe')
    await expect(phone).toHaveURL(/\/connexion\?session=expiree&callbackUrl=%2Fequipe/)
    await expect(phone.getByText(/Votre session a expiré/)).toBeVisible()
  })
  expect(await auditActions(coordinator.userId)).toContain('auth.signed_out_everywhere')
})

test('a staff session unused for 30 minutes has ended: sign in again, told why', async ({
  page,
}) => {
  const coordinator = await newMember('coordinator', 'Inès Inactive')
  await signIn(page, coordinator.email, '/equipe')
  await expect(page.getByRole('link', { name: 'Mon compte' })).toBeVisible()
  await testDb().query(
    "update sessions set last_seen_at = now() - interval '31 minutes' where user_id = $1",
    [coordinator.userId],
  )
  await page.goto('/equipe/candidatures')
  await expect(page).toHaveURL(/\/connexion\?session=expiree&callbackUrl=%2Fequipe%2Fcandidatures/)
  await expect(page.getByText(/Votre session a expiré/)).toBeVisible()
  const { rows } = await testDb().query('select 1 from sessions where user_id = $1', [
    coordinator.userId,
  ])
  expect(rows).toHaveLength(0)
  expect(await auditActions(coordinator.userId)).toContain('session.expired')
})

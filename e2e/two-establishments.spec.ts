import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { callAction } from './support/server-action'
import { signIn } from './support/sign-in'

// One person, coordinator at Lycée Ozenne and reviewer at another school whose name sorts
// first. Before, every check picked the first establishment alphabetically: she could never
// coordinate Ozenne. Now she chooses where she works, and each page, export and action acts
// on that establishment only.
async function personInTwoEstablishments() {
  const db = testDb()
  const suffix = Date.now().toString(36)
  const email = `double-${suffix}@ac-toulouse.example`
  const { rows: other } = await db.query<{ id: string }>(
    "insert into establishments (uai, name, city, slug) values ($1, $2, 'Albi', $3) returning id",
    [
      `0810${suffix.slice(-3).toUpperCase()}Z`,
      `Collège Arago ${suffix}`,
      `college-arago-${suffix}`,
    ],
  )
  const { rows: ozenne } = await db.query<{ id: string }>(
    "select id from establishments where uai = '0310044E'",
  )
  const { rows: user } = await db.query<{ id: string }>(
    "insert into users (id, email, name) values (gen_random_uuid()::text, $1, 'Inès Double') returning id",
    [email],
  )
  await db.query(
    "insert into memberships (user_id, establishment_id, role) values ($1, $2, 'coordinator'), ($1, $3, 'reviewer')",
    [user[0]!.id, ozenne[0]!.id, other[0]!.id],
  )
  return { email, otherName: `Collège Arago ${suffix}` }
}

test('a person in two establishments chooses the one she works in, and acts on it only', async ({
  page,
}) => {
  const { email, otherName } = await personInTwoEstablishments()
  await signIn(page, email, '/equipe')
  const switcher = page.getByLabel('Établissement')
  const change = async (name: string) => {
    await switcher.selectOption({ label: name })
    await page.getByRole('button', { name: 'Changer d’établissement' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  await test.step('she starts in the first establishment, as a reviewer there', async () => {
    await expect(page.getByRole('heading', { level: 1, name: otherName })).toBeVisible()
    await expect(page.getByText(`Examen des dossiers · ${otherName}`)).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('she switches to Lycée Ozenne and coordinates there', async () => {
    await change('Lycée Ozenne')
    await expect(page.getByText('Coordination · Lycée Ozenne')).toBeVisible()
    await page.goto('/equipe/campagnes/nouvelle')
    await expect(page.getByRole('heading', { name: /Nouvelle campagne/ })).toBeVisible()
    const csv = await page.request.get('/api/exports/candidatures?format=csv')
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain('Martin')
  })

  await test.step('back at the other school, Ozenne’s coordination is closed to her', async () => {
    await page.goto('/equipe')
    await change(otherName)
    await page.goto('/equipe/campagnes/nouvelle')
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()
    // The export covers the files assigned to her there: none of Ozenne's.
    const csv = await page.request.get('/api/exports/candidatures?format=csv')
    expect(csv.status()).toBe(200)
    expect(await csv.text()).not.toContain('Martin')
    // A forged call to a coordinator's action is refused, though she coordinates elsewhere.
    const { result } = await callAction(
      page.request,
      '/equipe/campagnes',
      'app/(equipe)/equipe/campagnes/actions.ts',
      'updateEstablishmentSettingsAction',
      [{ maxApplicationsPerCandidate: 1 }],
    )
    expect(result).toMatchObject({
      ok: false,
      formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
    })
    const { rows } = await testDb().query<{ max: number }>(
      "select max_applications_per_candidate as max from establishments where uai = '0310044E'",
    )
    expect(rows[0]!.max).not.toBe(1)
  })

  await test.step('the choice cannot name an establishment she does not belong to', async () => {
    const { rows: stranger } = await testDb().query<{ id: string }>(
      "insert into establishments (uai, name, city, slug) values ($1, 'Lycée Étranger', 'Pau', $2) returning id",
      [`0640${Date.now().toString(36).slice(-3).toUpperCase()}Y`, `lycee-etranger-${Date.now()}`],
    )
    await callAction(
      page.request,
      '/equipe',
      'app/(equipe)/establishment-actions.ts',
      'switchEstablishment',
      [{ establishmentId: stranger[0]!.id }],
    )
    await page.goto('/equipe')
    await expect(page.getByRole('heading', { level: 1, name: otherName })).toBeVisible()
    await expect(page.getByLabel('Établissement').locator('option')).toHaveText([
      otherName,
      'Lycée Ozenne',
    ])
  })
})

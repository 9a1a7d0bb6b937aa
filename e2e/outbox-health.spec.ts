import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { callAction } from './support/server-action'
import { signedInContext } from './support/sign-in'

const actions = 'app/(equipe)/equipe/courriels/actions.ts'

/** An email of Lycée Ozenne that outlived the retry window during an outage (or was refused for good). */
async function stuckEmail(status: 'failed' | 'dead', lastError: string) {
  const tag = `${status}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`
  const { rows } = await testDb().query<{ id: string; to_address: string }>(
    `insert into email_outbox (establishment_id, template, to_address, subject, html, text, status, attempts, last_error, created_at, updated_at)
     select id, 'sign-in-link', $1, $2, '<p>x</p>', 'x', $3, 180, $4, now() - interval '8 days', now() from establishments where uai = '0310044E'
     returning id, to_address`,
    [`outbox-${tag}@exemple.fr`, `Courriel bloqué ${tag}`, status, lastError],
  )
  return rows[0]!
}

const statusOf = async (id: string) =>
  (
    await testDb().query<{ status: string; attempts: number }>(
      'select status, attempts from email_outbox where id = $1',
      [id],
    )
  ).rows[0]!

test('the admin sees the outbox’s health and sends a failed email again', async ({ browser }) => {
  const failed = await stuckEmail('failed', 'internal_server_error: provider down')
  const dead = await stuckEmail('dead', 'validation_error: Invalid `to` field')
  const admin = await (await signedInContext(browser, 'admin@ozenne.example')).newPage()

  await test.step('the header leads to the page, which counts failures and shows each with its error', async () => {
    await admin.goto('/equipe')
    await admin
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Courriels' })
      .click()
    await expect(admin.getByRole('heading', { name: 'Courriels', level: 1 })).toBeVisible()
    await expect(admin.getByText(/envoyés au nom de Lycée Ozenne/)).toBeVisible()
    expect(Number(await admin.getByTestId('outbox-failed').textContent())).toBeGreaterThanOrEqual(1)
    expect(Number(await admin.getByTestId('outbox-dead').textContent())).toBeGreaterThanOrEqual(1)
    const failedRow = admin.getByRole('row').filter({ hasText: failed.to_address })
    await expect(failedRow).toContainText('En échec')
    await expect(failedRow).toContainText('internal_server_error: provider down')
    const deadRow = admin.getByRole('row').filter({ hasText: dead.to_address })
    await expect(deadRow).toContainText('Refusé')
    await expect(deadRow.getByRole('button')).toHaveCount(0)
    await expectAccessible(admin)
  })

  await test.step('re-queued, the failed email leaves with the next dispatch and the re-queue is on record', async () => {
    await admin.getByRole('button', { name: `Renvoyer le courriel à ${failed.to_address}` }).click()
    await expect(admin.getByText('Courriel remis dans la file d’envoi.')).toBeVisible()
    await expect(admin.getByRole('row').filter({ hasText: failed.to_address })).toHaveCount(0)
    await expect.poll(async () => (await statusOf(failed.id)).status).toBe('sent')
    expect((await statusOf(dead.id)).status).toBe('dead')
    const { rows } = await testDb().query<{ email: string }>(
      "select u.email from audit_log l join users u on u.id = l.actor_user_id where l.action = 'email.requeued' and l.subject_id = $1",
      [failed.id],
    )
    expect(rows).toEqual([{ email: 'admin@ozenne.example' }])
  })
})

test('a coordinator may neither see the outbox page nor re-queue an email', async ({ browser }) => {
  const failed = await stuckEmail('failed', 'fetch failed')
  const context = await signedInContext(browser, 'coordination@ozenne.example')
  const page = await context.newPage()
  const response = await page.goto('/equipe/courriels')
  expect(response?.status()).toBe(403)
  await expect(
    page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Courriels' }),
  ).toHaveCount(0)
  for (const [name, input] of [
    ['requeueEmailAction', { emailId: failed.id }],
    ['requeueAllFailedAction', {}],
  ] as const) {
    const { result } = await callAction(context.request, '/equipe/courriels', actions, name, [
      input,
    ])
    expect(result, name).toMatchObject({
      ok: false,
      formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
    })
  }
  expect(await statusOf(failed.id)).toEqual({ status: 'failed', attempts: 180 })
  await context.close()
})

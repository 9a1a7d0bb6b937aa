import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { testDb } from './support/outbox'
import { signedInContext } from './support/sign-in'

type Entry = {
  action: string
  subject_type: string
  subject_id: string
  after: Record<string, unknown> | null
}

/** The demo application (seeded): Léa Martin's CPGE ATS file with one recommendation received. */
async function demoApplication() {
  const { rows } = await testDb().query<{ id: string; request_id: string }>(
    `select a.id, r.id as request_id from applications a
       join users u on u.id = a.candidate_user_id
       join recommendation_requests r on r.application_id = a.id and r.status = 'received'
      where u.email = 'lea.martin@exemple.fr' limit 1`,
  )
  return rows[0]!
}

async function entriesBy(email: string, since: Date) {
  const { rows } = await testDb().query<Entry>(
    'select l.action, l.subject_type, l.subject_id, l.after from audit_log l join users u on u.id = l.actor_user_id where u.email = $1 and l.created_at >= $2 order by l.created_at',
    [email, since],
  )
  return rows
}

test('every reading of a recommendation and every export by the coordination is on record, and the admin finds them', async ({
  browser,
}) => {
  const since = new Date(Date.now() - 1000)
  const demo = await demoApplication()
  const coordination = await (
    await signedInContext(browser, 'coordination@ozenne.example')
  ).newPage()

  await test.step('the coordinator reads the file, downloads its summary and exports', async () => {
    await coordination.goto(`/equipe/candidatures/${demo.id}`)
    await expect(coordination.getByRole('heading', { name: 'Recommandations' })).toBeVisible()
    const summary = await coordination.request.get(`/api/candidatures/${demo.id}/synthese`)
    expect(summary.headers()['content-type']).toBe('application/pdf')
    const csv = await coordination.request.get(
      '/api/exports/candidatures?format=csv&statut=tous&colonnes=nom,recos',
    )
    expect(csv.status()).toBe(200)
    const si = await coordination.request.get('/api/exports/si?format=csv')
    expect(si.status()).toBe(200)
    const zip = await coordination.request.post('/api/exports/pieces', {
      form: { candidatures: demo.id },
    })
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK')
  })

  await test.step('the log holds one entry for each, with what it covered', async () => {
    const entries = await entriesBy('coordination@ozenne.example', since)
    const readings = entries.filter(
      (e) => e.action === 'recommendation.viewed' && e.subject_id === demo.request_id,
    )
    expect(readings.map((e) => e.after?.via).sort()).toEqual(['fiche', 'synthese-pdf'])
    expect(
      entries.some(
        (e) => e.action === 'application.summary_downloaded' && e.subject_id === demo.id,
      ),
    ).toBe(true)
    expect(entries.find((e) => e.action === 'applications.exported')?.after).toMatchObject({
      format: 'csv',
      columns: ['nom', 'recos'],
    })
    expect(entries.find((e) => e.action === 'applications.exported_si')?.after).toMatchObject({
      format: 'csv',
    })
    expect(entries.find((e) => e.action === 'documents.exported')?.after).toMatchObject({
      format: 'zip',
      applicationIds: [demo.id],
    })
  })

  await test.step('the admin filters the log on that recommendation and sees both readings', async () => {
    const admin = await (await signedInContext(browser, 'admin@ozenne.example')).newPage()
    await admin.goto('/equipe/journal')
    await admin.getByLabel('Action').selectOption({ label: 'Recommandation consultée' })
    await admin.getByLabel('Identifiant de l’objet').fill(demo.request_id)
    await admin.getByRole('button', { name: 'Filtrer' }).click()
    await expect(
      admin
        .getByRole('row')
        .filter({ hasText: 'coordination@ozenne.example' })
        .filter({ hasText: 'Recommandation consultée' })
        .first(),
    ).toBeVisible()
    expect(
      await admin.getByRole('row').filter({ hasText: 'coordination@ozenne.example' }).count(),
    ).toBeGreaterThanOrEqual(2)
    await expectAccessible(admin)
  })
})

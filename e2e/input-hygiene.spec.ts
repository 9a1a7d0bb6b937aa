import http from 'node:http'
import { expect, test } from '@playwright/test'
import { testDb } from './support/outbox'
import { actionResult, callAction, serverActionId } from './support/server-action'
import { signedInContext } from './support/sign-in'

// What a forged or careless request gets back at the HTTP level: a NUL byte, a line break in
// a one-line field, a malformed or oversized server-action body. Never a 500, never saved.
const applicationActions = 'app/(public)/candidature/[campaignId]/actions.ts'
const recommendationActions = 'app/(public)/recommandation/[token]/actions.ts'

async function demoCampaignId() {
  const { rows } = await testDb().query<{ id: string }>(
    "select c.id from admission_campaigns c join programmes p on p.id = c.programme_id where p.name = 'CPGE ATS Économie-Gestion' limit 1",
  )
  return rows[0]!.id
}

test('a served document keeps its own sandboxed Content-Security-Policy; pages keep theirs', async ({
  browser,
}) => {
  const { rows } = await testDb().query<{ id: string }>(
    `select d.id from application_documents d join applications a on a.id = d.application_id join users u on u.id = a.candidate_user_id
      where u.email = 'lea.martin@exemple.fr' limit 1`,
  )
  const coordinator = await signedInContext(browser, 'coordination@ozenne.example')
  for (const url of [`/api/pieces/${rows[0]!.id}`, `/api/pieces/${rows[0]!.id}?affichage=1`]) {
    const response = await coordinator.request.get(url)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-security-policy'], url).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    )
  }
  const page = await coordinator.request.get('/equipe/candidatures')
  expect(page.headers()['content-security-policy']).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  )
  await coordinator.close()
})

test('a NUL byte in a search is cleaned, never a 500: staff table, its export, the catalogue', async ({
  browser,
}) => {
  const coordinator = await signedInContext(browser, 'coordination@ozenne.example')
  const table = await coordinator.request.get('/equipe/candidatures?q=%00')
  expect(table.status()).toBe(200)
  expect(await table.text()).toContain('lea.martin@exemple.fr')
  const trailing = await coordinator.request.get('/equipe/candidatures?q=Mart%00in%01')
  expect(trailing.status()).toBe(200)
  for (const format of ['csv', 'xlsx']) {
    const exported = await coordinator.request.get(
      `/api/exports/candidatures?format=${format}&q=%00&statut=%00`,
    )
    expect(exported.status(), format).toBe(200)
    if (format === 'csv') expect(await exported.text()).toContain('Martin')
  }
  await coordinator.close()
  const anonymous = await browser.newContext()
  expect((await anonymous.request.get('/?q=%00&departement=%00&niveau=%1F')).status()).toBe(200)
  await anonymous.close()
})

test('an application draft with a NUL or a line break in a one-line field gets French field errors and is not saved', async ({
  browser,
}) => {
  const email = `hygiene-${Date.now()}@exemple.fr`
  const context = await signedInContext(browser, email)
  const campaignId = await demoCampaignId()
  const page = `/candidature/${campaignId}`

  const nul = await callAction(
    context.request,
    page,
    applicationActions,
    'saveApplicationDraftAction',
    [campaignId, { firstName: 'Lé\u0000a', motivation: 'Bonjour\u0000' }],
  )
  expect(nul.status).toBe(200)
  expect(nul.result).toMatchObject({
    ok: false,
    fieldErrors: {
      firstName: ['Prénom : contient un caractère invisible non autorisé.'],
      motivation: ['Lettre de motivation : contient un caractère invisible non autorisé.'],
    },
  })

  const header = await callAction(
    context.request,
    page,
    applicationActions,
    'saveApplicationDraftAction',
    [
      campaignId,
      {
        firstName: 'Léa\r\nBcc: victime@exemple.fr',
        recommenders: [{ name: 'Jean\nDupont', position: 'Professeur', email: '' }],
      },
    ],
  )
  expect(header.result).toMatchObject({
    ok: false,
    fieldErrors: {
      firstName: ['Prénom : doit tenir sur une ligne (sans retour à la ligne ni tabulation).'],
      'recommenders.0.name': [
        'Nom du recommandant : doit tenir sur une ligne (sans retour à la ligne ni tabulation).',
      ],
    },
  })

  const { rows } = await testDb().query(
    'select 1 from applications a join users u on u.id = a.candidate_user_id where u.email = $1',
    [email],
  )
  expect(rows).toEqual([])

  // A letter keeps its line breaks.
  const letter = await callAction(
    context.request,
    page,
    applicationActions,
    'saveApplicationDraftAction',
    [campaignId, { firstName: 'Léa', motivation: 'Madame,\r\n\tJe souhaite…' }],
  )
  expect(letter.result).toMatchObject({ ok: true })
  const { rows: saved } = await testDb().query<{ first_name: string; motivation: string }>(
    'select a.first_name, a.motivation from applications a join users u on u.id = a.candidate_user_id where u.email = $1',
    [email],
  )
  expect(saved).toEqual([{ first_name: 'Léa', motivation: 'Madame,\n\tJe souhaite…' }])
  await context.close()
})

test('a recommender’s autosave and decline reason with a NUL get a French field error and change nothing', async ({
  request,
}) => {
  const { rows } = await testDb().query<{ text: string }>(
    "select text from email_outbox where to_address = 'anne.leroy@ac-toulouse.fr' and template = 'recommendation-invitation' order by created_at limit 1",
  )
  const token = /\/recommandation\/([A-Za-z0-9_-]{43})/.exec(rows[0]!.text)![1]!
  const { rows: questions } = await testDb().query<{ id: string }>(
    "select q.id from recommendation_questions q join admission_campaigns c on c.id = q.campaign_id join programmes p on p.id = c.programme_id where p.name = 'CPGE ATS Économie-Gestion' and q.kind = 'text' order by q.position limit 1",
  )
  const question = questions[0]!
  const page = `/recommandation/${token}`
  const before = await testDb().query(
    "select r.answers from recommendations r join recommendation_requests q on q.id = r.request_id where q.recommender_email = 'anne.leroy@ac-toulouse.fr'",
  )

  const draft = await callAction(
    request,
    page,
    recommendationActions,
    'saveRecommendationDraftAction',
    [token, { answers: { [question.id]: 'Très bien\u0000' }, phone: '06\u0000' }],
  )
  expect(draft.status).toBe(200)
  expect(draft.result).toMatchObject({ ok: false })
  const draftErrors = (draft.result as { fieldErrors: Record<string, string[]> }).fieldErrors
  expect(draftErrors[`answers.${question.id}`]).toEqual([
    'Réponse : contient un caractère invisible non autorisé.',
  ])
  expect(draftErrors.phone).toEqual([
    'Votre téléphone : contient un caractère invisible non autorisé.',
  ])

  const decline = await callAction(
    request,
    page,
    recommendationActions,
    'declineRecommendationAction',
    [token, { reason: 'Je ne\u0000 connais pas' }],
  )
  expect(decline.status).toBe(200)
  expect(decline.result).toMatchObject({
    ok: false,
    fieldErrors: { reason: ['Motif : contient un caractère invisible non autorisé.'] },
  })

  const after = await testDb().query(
    "select r.answers from recommendations r join recommendation_requests q on q.id = r.request_id where q.recommender_email = 'anne.leroy@ac-toulouse.fr'",
  )
  expect(after.rows).toEqual(before.rows)
  const { rows: declined } = await testDb().query(
    "select 1 from recommendation_requests where recommender_email = 'anne.leroy@ac-toulouse.fr' and status = 'declined'",
  )
  expect(declined).toEqual([])
})

test('the recommendation form’s answers come uncompressed (they are smaller so); its page comes gzipped', async ({
  request,
}) => {
  const { rows } = await testDb().query<{ text: string }>(
    "select text from email_outbox where to_address = 'anne.leroy@ac-toulouse.fr' and template = 'recommendation-invitation' order by created_at limit 1",
  )
  const token = /\/recommandation\/([A-Za-z0-9_-]{43})/.exec(rows[0]!.text)![1]!
  const page = `/recommandation/${token}`
  const gzip = { 'Accept-Encoding': 'gzip, deflate, br' }
  const shown = await request.get(page, { headers: gzip })
  expect(shown.status()).toBe(200)
  expect(shown.headers()['content-encoding']).toBe('gzip')

  const autosave = await request.post(page, {
    headers: {
      ...gzip,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': serverActionId(recommendationActions, 'saveRecommendationDraftAction'),
    },
    data: JSON.stringify([token, { phone: '\u0000' }]),
  })
  expect(autosave.status()).toBe(200)
  expect(autosave.headers()['content-encoding']).toBeUndefined()
  expect(actionResult(await autosave.text())).toMatchObject({ ok: false })
})

test('a malformed server-action body answers 400, an oversized one 413, never a 500', async ({
  request,
}) => {
  const campaignId = await demoCampaignId()
  const page = `/candidature/${campaignId}`
  const actionId = serverActionId(applicationActions, 'saveApplicationDraftAction')
  const post = (
    data: string | Buffer,
    contentType = 'text/plain;charset=UTF-8',
    extra: Record<string, string> = {},
  ) =>
    request.post(page, {
      headers: {
        Accept: 'text/x-component',
        'Content-Type': contentType,
        'Next-Action': actionId,
        ...extra,
      },
      data,
      maxRedirects: 0,
    })

  expect((await post('[{"firstName": "Léa"')).status()).toBe(400)
  expect((await post('pas du JSON')).status()).toBe(400)
  expect(
    (await post(JSON.stringify([campaignId, {}]), 'application/x-www-form-urlencoded')).status(),
  ).toBe(400)
  expect((await post(JSON.stringify([campaignId, {}]), 'application/xml')).status()).toBe(400)
  const multipart = await request.post(page, {
    headers: { Accept: 'text/x-component', 'Next-Action': actionId },
    multipart: { '0': '[{"firstName": ' },
    maxRedirects: 0,
  })
  expect(multipart.status()).toBe(400)

  const huge = JSON.stringify([campaignId, { motivation: 'a'.repeat(2 * 1024 * 1024) }])
  const tooBig = await post(huge)
  expect(tooBig.status()).toBe(413)
  expect(await tooBig.text()).toMatch(/trop volumineuse/)

  // Without Content-Length (chunked), the size is counted as the body arrives.
  const chunked = await new Promise<number>((resolve, reject) => {
    const url = new URL(page, test.info().project.use.baseURL)
    const sent = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'Next-Action': actionId,
          'Content-Type': 'text/plain;charset=UTF-8',
          'Transfer-Encoding': 'chunked',
        },
      },
      (response) => {
        response.resume()
        resolve(response.statusCode!)
      },
    )
    sent.on('error', reject)
    sent.end(huge)
  })
  expect(chunked).toBe(413)

  // The well-formed call still goes through (anonymous: refused by the action itself, in French).
  const fine = await request.post(page, {
    headers: {
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': actionId,
    },
    data: JSON.stringify([campaignId, { firstName: 'Léa' }]),
  })
  expect(fine.status()).toBe(200)
  expect(actionResult(await fine.text())).toMatchObject({
    ok: false,
    formError: 'Vous devez être connecté.',
  })
})

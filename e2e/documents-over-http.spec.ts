import { expect, test } from '@playwright/test'
import { testDb } from './support/outbox'
import { signedInContext } from './support/sign-in'

// The two document routes as the network sees them: who may download a file, with which
// headers, and what an upload of the wrong kind or size gets back.
async function demoDocument() {
  const { rows } = await testDb().query<{
    id: string
    file_name: string
    campaign_id: string
    requirement_id: string
  }>(
    `select d.id, d.file_name, a.campaign_id, d.campaign_document_id as requirement_id
       from application_documents d join applications a on a.id = d.application_id join users u on u.id = a.candidate_user_id
      where u.email = 'lea.martin@exemple.fr' and d.mime_type = 'application/pdf' limit 1`,
  )
  return rows[0]!
}

test('a supporting document goes to its candidate and the school’s staff, and to nobody else', async ({
  browser,
}) => {
  const doc = await demoDocument()
  const url = `/api/pieces/${doc.id}`
  const expected: [string | null, number][] = [
    ['lea.martin@exemple.fr', 200],
    ['coordination@ozenne.example', 200],
    [`curieux-${Date.now()}@exemple.fr`, 404],
    ['tuteur@ozenne.example', 404],
    [null, 401],
  ]
  for (const [email, status] of expected) {
    const context = await signedInContext(browser, email)
    const response = await context.request.get(url, { maxRedirects: 0 })
    expect(response.status(), `${email ?? 'anonymous'} → ${url}`).toBe(status)
    if (status === 200) {
      const headers = response.headers()
      expect(headers['content-type']).toBe('application/pdf')
      expect(headers['content-disposition']).toMatch(
        /^attachment; filename="[^"/\\]+"; filename\*=UTF-8''/,
      )
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['cache-control']).toContain('no-store')
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-')
    }
    await context.close()
  }
  // An unknown id looks exactly like a forbidden one.
  const coordinator = await signedInContext(browser, 'coordination@ozenne.example')
  expect(
    (await coordinator.request.get('/api/pieces/00000000-0000-4000-8000-000000000000')).status(),
  ).toBe(404)
  await coordinator.close()
})

test('an upload of the wrong type or size is refused in French and stores nothing', async ({
  browser,
}) => {
  const doc = await demoDocument()
  const email = `depot-${Date.now()}@exemple.fr`
  const context = await signedInContext(browser, email)
  const upload = (data: Buffer, name: string) =>
    context.request.post(`/api/pieces/depot/${doc.campaign_id}/${doc.requirement_id}`, {
      data,
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(name),
      },
    })

  const forged = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'releves.pdf')
  expect(forged.status()).toBe(422)
  expect((await forged.json()).message).toMatch(/n’est pas un PDF/)

  const huge = await upload(Buffer.alloc(6 * 1024 * 1024, 0x25), 'enorme.pdf')
  expect(huge.status()).toBe(413)
  expect((await huge.json()).message).toMatch(
    /^Ce fichier dépasse la taille maximale autorisée \(5 Mo\)\.$/,
  )

  const { rows } = await testDb().query(
    'select 1 from applications a join users u on u.id = a.candidate_user_id where u.email = $1',
    [email],
  )
  expect(rows).toEqual([])

  const ok = await upload(
    Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    ),
    '../../etc/passwd.pdf',
  )
  expect(ok.status()).toBe(200)
  expect((await ok.json()).document.fileName).toBe('passwd.pdf')
  await context.close()
})

import { expect, test } from '@playwright/test'
import { photoPng } from './support/files'
import { testDb } from './support/outbox'
import { signInFromPage } from './support/sign-in'

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

test('a candidate photographs her identity card on her phone: the heavy photo is made lighter before it is sent', async ({
  page,
}) => {
  const email = `photo-${Math.random().toString(36).slice(2, 8)}@exemple.fr`
  await page.goto('/')
  await page.getByRole('link', { name: 'Candidater en CPGE ATS Économie-Gestion' }).click()
  await signInFromPage(page, email)
  await expect(page.getByRole('heading', { name: 'CPGE ATS Économie-Gestion' })).toBeVisible()

  const photo = photoPng('IMG_2041.png', 3200, 2400)
  expect(photo.buffer.length).toBeGreaterThan(5 * 1024 * 1024)
  await expect(page.getByText('Prendre une photo pour « Pièce d’identité »')).toBeVisible()
  await page.getByLabel('Prendre une photo pour « Pièce d’identité »').setInputFiles(photo)
  const identity = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Pièce d’identité/ }) })
  await expect(identity.getByRole('link', { name: 'IMG_2041.jpg' })).toBeVisible()

  const { rows } = await testDb().query<{ mime_type: string; size: number }>(
    `select d.mime_type, d.size from application_documents d join applications a on a.id = d.application_id join users u on u.id = a.candidate_user_id where u.email = $1`,
    [email],
  )
  expect(rows).toHaveLength(1)
  expect(rows[0]!.mime_type).toBe('image/jpeg')
  expect(rows[0]!.size).toBeLessThanOrEqual(5 * 1024 * 1024)
})

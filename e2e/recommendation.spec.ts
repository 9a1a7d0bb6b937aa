import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { forgedPdfFile, pdfFile, pngFile } from './support/files'
import { emailsTo, linkIn, waitForEmail } from './support/outbox'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { fillApplication } from './support/application'
import { signIn, signInFromPage } from './support/sign-in'

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

const unique = () => Math.random().toString(36).slice(2, 8)

test('a candidate applies on her phone, a teacher recommends her, and both are told', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const candidate = `lea-${unique()}@exemple.fr`
  const recommenders = [
    {
      name: 'Jean Dupont',
      position: 'Professeur d’économie',
      email: `jean.dupont-${unique()}@ac-toulouse.fr`,
    },
    {
      name: 'Anne Leroy',
      position: 'Professeure de gestion',
      email: `anne.leroy-${unique()}@ac-toulouse.fr`,
    },
  ]

  await test.step('she finds the CPGE ATS campaign and signs in to apply', async () => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Candidater en CPGE ATS Économie-Gestion' }).click()
    await expect(page).toHaveURL(/\/connexion/)
    await signInFromPage(page, candidate)
    await expect(page.getByRole('heading', { name: 'CPGE ATS Économie-Gestion' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('an empty submission: an error summary takes the focus, links to each field, and the title says so; nothing is sent', async () => {
    const title = await page.title()
    await page.getByRole('button', { name: 'Déposer ma candidature' }).click()
    const summary = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Il y a un problème' }) })
    await expect(summary).toBeFocused()
    await expect(summary).toBeInViewport()
    await expect(page).toHaveTitle(`Erreur : ${title}`)
    await expect(
      summary.getByRole('link', { name: 'Lettre de motivation : champ obligatoire.' }),
    ).toBeVisible()
    await summary.getByRole('link', { name: 'Prénom : champ obligatoire.' }).click()
    const firstName = page.getByRole('textbox', { name: 'Prénom', exact: true })
    await expect(firstName).toBeFocused()
    await expect(firstName).toBeInViewport()
    await expect(firstName).toHaveAttribute('aria-invalid', 'true')
    await expect(firstName).toHaveAccessibleDescription('Prénom : champ obligatoire.')
    await summary.getByRole('link', { name: 'Civilité : choisissez une réponse.' }).click()
    await expect(page.getByRole('radio', { name: 'Madame' })).toBeFocused()
    // Field messages are not live regions: the summary is the page's one announcement
    // (outside <main>, Next.js keeps its own route announcer).
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(1)
    expect(await emailsTo(recommenders[0]!.email)).toHaveLength(0)
  })

  await test.step('she fills her file; the draft is saved as she types', async () => {
    await fillApplication(page, recommenders)
    // Fields in error are checked again when left (selectOption alone neither focuses nor leaves the list).
    await page.getByLabel('Diplôme en cours').focus()
    await page.getByRole('button', { name: 'Déposer ma candidature' }).focus()
    // Every error fixed: the summary is gone and the title is restored.
    await expect(page.getByRole('heading', { name: 'Il y a un problème' })).toHaveCount(0)
    await expect(page).not.toHaveTitle(/^Erreur : /)
    await expect(page.getByRole('status').filter({ hasText: 'Brouillon enregistré' })).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Spécialité')).toHaveValue('BTS Comptabilité et gestion')
    await expectAccessible(page)
  })

  await test.step('without her documents, the file cannot be submitted', async () => {
    await page.getByRole('button', { name: 'Déposer ma candidature' }).click()
    const summary = page
      .getByRole('alert')
      .filter({ hasText: 'Pièce manquante : Relevés de notes post-bac.' })
    await expect(summary).toBeFocused()
    await expect(page).toHaveTitle(/^Erreur : /)
    await summary
      .getByRole('link', { name: 'Pièce manquante : Relevés de notes post-bac.' })
      .click()
    await expect(
      page.getByLabel('Choisir un fichier pour « Relevés de notes post-bac »'),
    ).toBeFocused()
    expect(await emailsTo(recommenders[0]!.email)).toHaveLength(0)
  })

  await test.step('she gives her documents; a web page renamed .pdf is refused', async () => {
    const transcripts = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /Relevés de notes post-bac/ }) })
    await page
      .getByLabel('Choisir un fichier pour « Relevés de notes post-bac »')
      .setInputFiles(forgedPdfFile('releves.pdf'))
    await expect(transcripts.getByRole('alert')).toHaveText(
      'Ce fichier n’est pas un PDF, JPEG ou PNG valide (formats acceptés : PDF).',
    )
    await page
      .getByLabel('Choisir un fichier pour « Relevés de notes post-bac »')
      .setInputFiles(pdfFile('releves.pdf'))
    await expect(transcripts.getByText('Reçue, en attente de vérification')).toBeVisible()
    await expect(transcripts.getByRole('link', { name: 'releves.pdf' })).toBeVisible()
    await page
      .getByLabel('Choisir un fichier pour « Pièce d’identité »')
      .setInputFiles(pngFile('photo-carte.png'))
    const identity = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /Pièce d’identité/ }) })
    await expect(identity.getByRole('link', { name: 'photo-carte.png' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('she submits and sees her recommenders invited', async () => {
    await page.getByRole('button', { name: 'Déposer ma candidature' }).click()
    await expect(page).toHaveURL(/\/espace\?depot=ok/)
    await expect(page.getByText('Candidature déposée.')).toBeVisible()
    await expect(page.getByTestId('recommendation-request')).toHaveCount(2)
    await expectAccessible(page)
  })

  const invitation = await waitForEmail(recommenders[0]!.email, {
    subject: /Demande d’avis de poursuite d’études pour Léa Martin/,
  })
  expect(invitation.text).toContain('CPGE ATS Économie-Gestion')
  const link = linkIn(invitation, '/recommandation/')

  const teacherContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  })
  const teacher = await teacherContext.newPage()

  await test.step('the teacher opens the link and sees who and what it is about', async () => {
    await teacher.goto(link)
    await expect(teacher.getByRole('heading', { name: 'Avis de poursuite d’études' })).toBeVisible()
    await expect(teacher.getByText('Léa Martin').first()).toBeVisible()
    await expectAccessible(teacher)
  })

  await test.step('the candidate sees the request opened', async () => {
    await page.reload()
    await expect(
      page.getByTestId('recommendation-request').first().getByText('Ouverte'),
    ).toBeVisible()
  })

  await test.step('the teacher rates, writes, confirms his phone by SMS, certifies and submits', async () => {
    for (const item of [
      'Rigueur et méthode',
      'Autonomie',
      'Travail en équipe',
      'Capacité de travail',
      'Expression écrite et orale',
    ]) {
      await teacher
        .getByRole('group', { name: item })
        .getByRole('radio', { name: 'Très bien' })
        .check()
    }
    await teacher
      .getByLabel('Appréciation sur le candidat')
      .fill('Étudiante rigoureuse, <b>très</b> investie dans la vie de la classe.')
    await teacher
      .getByRole('group', { name: 'Avis global sur la poursuite d’études' })
      .getByRole('radio', { name: 'Très favorable' })
      .check()
    await teacher.getByLabel('Votre numéro de téléphone').fill('06 11 22 33 44')
    await teacher.getByRole('button', { name: 'Recevoir un code par SMS' }).click()
    await expect(teacher.getByText('Code envoyé par SMS')).toBeVisible()
    const sms = await waitForEmail('sms:+33611223344')
    await teacher.getByLabel('Code reçu (6 chiffres)').fill(sms.text.match(/\b(\d{6})\b/)![1]!)
    await teacher.getByRole('button', { name: 'Confirmer le numéro' }).click()
    await expect(teacher.getByText('Numéro confirmé par SMS.')).toBeVisible()
    await teacher.getByRole('button', { name: 'Transmettre mon avis' }).click()
    const summary = teacher
      .getByRole('alert')
      .filter({ has: teacher.getByRole('heading', { name: 'Il y a un problème' }) })
    await expect(summary).toBeFocused()
    await expect(teacher).toHaveTitle(/^Erreur : /)
    await summary
      .getByRole('link', { name: 'Cochez la case pour certifier être l’auteur de cet avis.' })
      .click()
    await expect(teacher.getByLabel(/Je certifie être l’auteur de cet avis/)).toBeFocused()
    await teacher.getByLabel(/Je certifie être l’auteur de cet avis/).check()
    await teacher.getByRole('button', { name: 'Transmettre mon avis' }).click()
    await expect(teacher.getByRole('heading', { name: 'Avis déjà transmis' })).toBeVisible()
    await expectAccessible(teacher)
  })

  await test.step('he gets a confirmation with the verification code; she gets a notice without the content', async () => {
    const confirmation = await waitForEmail(recommenders[0]!.email, { subject: /est bien reçu/ })
    const code = confirmation.text.match(
      /Code de vérification : ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/,
    )![1]!
    await expect(teacher.getByText(code)).toBeVisible()
    expect(confirmation.text).toContain('confirmé par SMS')
    const notice = await waitForEmail(candidate, { subject: /Jean Dupont a transmis son avis/ })
    expect(notice.text).not.toContain('rigoureuse')
    expect(notice.text).not.toContain('Très favorable')
    expect(notice.text).toContain('Avis reçus : 1 sur 2')
  })

  await test.step('reopening the link shows it was already sent', async () => {
    await teacher.goto(link)
    await expect(teacher.getByRole('heading', { name: 'Avis déjà transmis' })).toBeVisible()
    await expect(teacher.getByRole('button', { name: 'Transmettre mon avis' })).toHaveCount(0)
  })

  await test.step('her dashboard shows it received', async () => {
    await page.reload()
    await expect(
      page.getByTestId('recommendation-request').first().getByText('Reçue'),
    ).toBeVisible()
  })
  await teacherContext.close()

  const staffContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    acceptDownloads: true,
  })
  const coordinator = await staffContext.newPage()

  await test.step('the coordinator finds the application by name', async () => {
    await signIn(coordinator, 'coordination@ozenne.example', '/equipe/candidatures')
    await expect(coordinator.getByRole('heading', { name: 'Candidatures' })).toBeVisible()
    await coordinator.getByRole('searchbox', { name: 'Rechercher un nom' }).fill(candidate)
    await coordinator.getByRole('button', { name: 'Filtrer' }).click()
    await expect(coordinator.getByText('1 candidature', { exact: true })).toBeVisible()
    await expectAccessible(coordinator)
    await coordinator.getByRole('link', { name: 'MARTIN Léa' }).click()
  })

  await test.step('she reads the recommendation with its authenticity block; typed HTML stays text', async () => {
    await expect(coordinator.getByRole('heading', { name: 'Léa Martin' })).toBeVisible()
    await expect(
      coordinator.getByText('Étudiante rigoureuse, <b>très</b> investie dans la vie de la classe.'),
    ).toBeVisible()
    const authenticity = coordinator.getByLabel('Authenticité')
    await expect(authenticity.getByText('confirmé par SMS')).toBeVisible()
    await expect(authenticity.getByText('académique', { exact: false })).toBeVisible()
    await expect(authenticity.getByText('contenu intact', { exact: false })).toBeVisible()
    await expectAccessible(coordinator)
    const code = (await authenticity.locator('strong.font-mono').textContent())!
    const [pdf] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Télécharger l’avis (PDF)' }).click(),
    ])
    expect(pdf.suggestedFilename()).toBe(`avis-Léa Martin-${code}.pdf`)
    const bytes = await readFile((await pdf.path())!)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.length).toBeGreaterThan(2000)
  })

  await test.step('she exports the view to XLSX; the row carries the ratings', async () => {
    await coordinator.goto(`/equipe/candidatures?q=${encodeURIComponent(candidate)}`)
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Exporter (XLSX)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^candidatures-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path())!)
    const sheet = workbook.worksheets[0]!
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    expect(sheet.rowCount).toBe(2)
    const row = Object.fromEntries(header.map((h, i) => [h, sheet.getRow(2).getCell(i + 1).value]))
    expect(row).toMatchObject({
      'E-mail': candidate,
      Nom: 'Martin',
      Téléphone: '+33612345678',
      'Recommandant 1': 'Jean Dupont',
      'Recommandant 1 — avis global': 'Très favorable',
      'Recommandant 1 — Rigueur et méthode': 'Très bien',
      'Recommandant 1 — téléphone confirmé': 'oui',
      'Recommandations reçues': '1/2',
    })
    expect(String(row['Recommandant 1 — code de vérification'])).toMatch(
      /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
    )
  })
  await staffContext.close()
})

test('an invalid recommendation link shows the same French page with status 404', async ({
  page,
}) => {
  for (const token of ['A'.repeat(43), 'nimportequoi', `${'b'.repeat(42)}!`]) {
    const response = await page.goto(`/recommandation/${encodeURIComponent(token)}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Lien invalide' })).toBeVisible()
  }
  await expectAccessible(page)
})

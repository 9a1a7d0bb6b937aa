import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { fillApplication } from './support/application'
import { pdfFile, pngFile } from './support/files'
import { emailsTo, linkIn, testDb, waitForEmail } from './support/outbox'
import { signedInContext, signInFromPage } from './support/sign-in'

const unique = () => Math.random().toString(36).slice(2, 8)
const FORGED_IP = '203.0.113.66'

/** The candidate names someone else in the slot currently held by `currentName`. */
async function replace(
  page: Page,
  currentName: string,
  next: { name: string; position: string; email: string },
) {
  await page
    .getByTestId('recommendation-request')
    .filter({ hasText: currentName })
    .getByRole('button', { name: 'Remplacer' })
    .click()
  const dialog = page.getByRole('dialog', { name: `Remplacer ${currentName}` })
  await dialog.getByLabel('Nom et prénom').fill(next.name)
  await dialog.getByLabel('Poste').fill(next.position)
  await dialog.getByLabel('Adresse e-mail').fill(next.email)
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click()
  return dialog
}

test('a candidate cannot make the school email anyone without limit; the coordinator lifts the limit; a forged X-Forwarded-For is not recorded', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  const run = unique()
  const candidate = `limite-${run}@exemple.fr`
  const teacher = {
    name: 'Jean Dupont',
    position: 'Professeur d’économie',
    email: `jean.dupont-${run}@ac-toulouse.fr`,
  }
  const second = {
    name: 'Anne Leroy',
    position: 'Professeure de gestion',
    email: `anne.leroy-${run}@ac-toulouse.fr`,
  }
  const lastName = `Limite${run}`

  await test.step('she applies with two recommenders', async () => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Candidater en CPGE ATS Économie-Gestion' }).click()
    await signInFromPage(page, candidate)
    await fillApplication(page, [teacher, second], { firstName: 'Inès', lastName })
    await page
      .getByLabel('Choisir un fichier pour « Relevés de notes post-bac »')
      .setInputFiles(pdfFile('releves.pdf'))
    await expect(page.getByRole('link', { name: 'releves.pdf' })).toBeVisible()
    await page
      .getByLabel('Choisir un fichier pour « Pièce d’identité »')
      .setInputFiles(pngFile('identite.png'))
    await expect(page.getByRole('link', { name: 'identite.png' })).toBeVisible()
    await page.getByRole('button', { name: 'Déposer ma candidature' }).click()
    await expect(page).toHaveURL(/\/espace\?depot=ok/)
  })

  await test.step('the teacher answers from a browser that forges X-Forwarded-For and X-Real-IP', async () => {
    const invitation = await waitForEmail(teacher.email, { subject: /Demande d’avis/ })
    const context = await browser.newContext({
      locale: 'fr-FR',
      extraHTTPHeaders: { 'X-Forwarded-For': FORGED_IP, 'X-Real-IP': FORGED_IP },
    })
    const form = await context.newPage()
    await form.goto(linkIn(invitation, '/recommandation/'))
    for (const item of [
      'Rigueur et méthode',
      'Autonomie',
      'Travail en équipe',
      'Capacité de travail',
      'Expression écrite et orale',
    ]) {
      await form
        .getByRole('group', { name: item })
        .getByRole('radio', { name: 'Bien', exact: true })
        .check()
    }
    await form.getByLabel('Appréciation sur le candidat').fill('Élève sérieuse.')
    await form
      .getByRole('group', { name: 'Avis global sur la poursuite d’études' })
      .getByRole('radio', { name: 'Favorable', exact: true })
      .check()
    await form.getByLabel('Votre numéro de téléphone').fill('06 11 22 33 57')
    await form.getByRole('button', { name: 'Recevoir un code par SMS' }).click()
    await expect(form.getByText('Code envoyé par SMS')).toBeVisible()
    const sms = await waitForEmail('sms:+33611223357')
    await form.getByLabel('Code reçu (6 chiffres)').fill(sms.text.match(/\b(\d{6})\b/)![1]!)
    await form.getByRole('button', { name: 'Confirmer le numéro' }).click()
    await expect(form.getByText('Numéro confirmé par SMS.')).toBeVisible()
    await form.getByLabel(/Je certifie être l’auteur de cet avis/).check()
    await form.getByRole('button', { name: 'Transmettre mon avis' }).click()
    await expect(form.getByRole('heading', { name: 'Avis déjà transmis' })).toBeVisible()
    await context.close()
    const { rows } = await testDb().query<{ ip: string | null }>(
      `select r.ip from recommendations r join recommendation_requests q on q.id = r.request_id where q.recommender_email = $1`,
      [teacher.email],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.ip).not.toBe(FORGED_IP)
  })

  let current = second.name
  await test.step('she replaces her second recommender three times, then is stopped with a French message', async () => {
    await page.goto('/espace')
    for (let i = 1; i <= 3; i++) {
      const next = {
        name: `Remplaçant${i} ${run}`,
        position: 'Professeur',
        email: `remplacant${i}-${run}@ac-toulouse.fr`,
      }
      await replace(page, current, next)
      await expect(page.getByText('Nouveau recommandant sollicité.').last()).toBeVisible()
      await expect(
        page.getByTestId('recommendation-request').filter({ hasText: next.name }),
      ).toBeVisible()
      current = next.name
    }
    const blocked = `bloque-${run}@ac-toulouse.fr`
    const dialog = await replace(page, current, {
      name: `Bloqué ${run}`,
      position: 'Professeur',
      email: blocked,
    })
    await expect(dialog.getByRole('alert')).toContainText(
      'Vous avez déjà remplacé ce recommandant 3 fois : pour désigner une autre personne, contactez l’établissement (Lycée Ozenne)',
    )
    await expectAccessible(page)
    expect(await emailsTo(blocked)).toHaveLength(0)
    await dialog.getByRole('button', { name: 'Annuler' }).click()
  })

  await test.step('the coordinator sees the limit on the file, with no forged IP, and lifts it', async () => {
    const coordinator = await (
      await signedInContext(browser, 'coordination@ozenne.example')
    ).newPage()
    await coordinator.goto(`/equipe/candidatures?q=${encodeURIComponent(lastName)}`)
    await coordinator.getByRole('link', { name: new RegExp(lastName, 'i') }).click()
    await expect(
      coordinator.getByRole('heading', { name: 'Limite d’envoi atteinte' }),
    ).toBeVisible()
    await expect(coordinator.getByText('Recommandant 2 remplacé 3 fois')).toBeVisible()
    await expect(coordinator.getByLabel('Authenticité')).toBeVisible()
    await expect(coordinator.getByLabel('Authenticité')).not.toContainText(FORGED_IP)
    await expectAccessible(coordinator)
    await coordinator.getByRole('button', { name: 'Lever la limite' }).click()
    await expect(coordinator.getByText('Limite levée')).toBeVisible()
    await expect(coordinator.getByRole('heading', { name: 'Limite d’envoi atteinte' })).toHaveCount(
      0,
    )
    await coordinator.context().close()
  })

  await test.step('she can name someone else again', async () => {
    await page.reload()
    const next = {
      name: `Après ${run}`,
      position: 'Professeur',
      email: `apres-${run}@ac-toulouse.fr`,
    }
    await replace(page, current, next)
    await expect(page.getByText('Nouveau recommandant sollicité.')).toBeVisible()
    await waitForEmail(next.email, { subject: /Demande d’avis/ })
  })
})

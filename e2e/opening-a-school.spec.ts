import { randomUUID } from 'node:crypto'
import { expect, test, type Browser } from '@playwright/test'
import { toWindows1252 } from '../db/test/student-lists'
import { expectAccessible } from './support/a11y'
import { pdfFile } from './support/files'
import { emailIdsTo, linkIn, waitForEmail } from './support/outbox'
import { signedInContext } from './support/sign-in'

// Issue 11, "done when": a collège joins the platform. The operator creates it and invites its
// head; the head opens a 3e class, invites an internship coordinator and the class's main
// teacher, and imports the 30 pupils from the school's Excel export (Windows-1252, semicolons),
// inviting them; the main teacher records the signed consent forms of two pupils; of the
// pupils who accept their invitation, only those two reach the student pages.

const digits = String(1_000_000 + Math.floor(Math.random() * 8_999_999))
const uai = `${digits}${'ABCDEFGHJKLMNPRSTUVWXYZ'[Number(digits) % 23]}`
const tag = randomUUID().slice(0, 6)
const school = `Collège Germaine Tillion ${uai}`
const domain = `college-tillion-${tag}.example`
const head = `principale@${domain}`
const coordinator = `stages@${domain}`
const mainTeacher = `pp.3a@${domain}`
const pupilEmail = (i: number) => `eleve${i}.${tag}@exemple.fr`
const pupilName = (i: number) => `Élève${i} Tillion${tag}`

function classList() {
  const lines = ['Nom;Prénom;Date de naissance;Classe;E-mail']
  for (let i = 0; i < 30; i++)
    lines.push(
      [
        `Tillion${tag}`,
        `Élève${i}`,
        `${String(i + 1).padStart(2, '0')}/03/2012`,
        '3e A',
        pupilEmail(i),
      ].join(';'),
    )
  return Buffer.from(toWindows1252(lines.join('\r\n') + '\r\n'))
}

async function acceptInvitation(browser: Browser, email: string) {
  const message = await waitForEmail(email, { subject: /Invitation à rejoindre/ })
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(linkIn(message, '/invitation/'))
  await expect(page.getByRole('heading', { level: 1, name: `Rejoindre ${school}` })).toBeVisible()
  await page.getByRole('button', { name: 'Accepter et me connecter' }).click()
  await expect(page.getByText('Invitation acceptée')).toBeVisible()
  return { context, page }
}

test('a collège joins: its head invites her team and imports a class, and only pupils with parental consent reach the student pages', async ({
  browser,
}) => {
  test.setTimeout(300_000)

  await test.step('the platform operator creates the collège and invites its head', async () => {
    const operator = await signedInContext(browser, 'plateforme@tremplin.example')
    const page = await operator.newPage()
    await page.goto('/plateforme/etablissements/nouveau')
    await page.getByLabel('Code UAI').fill(uai)
    await page.getByLabel('Type d’établissement').selectOption({ label: 'Collège' })
    await page.getByLabel('Nom de l’établissement').fill(school)
    await page.getByLabel('Code postal').fill('31200')
    await expect(page.getByLabel('Commune')).toHaveValue('Toulouse')
    await page.getByLabel('Domaines e-mail du personnel').fill(domain)
    await page.getByLabel('Adresse du chef d’établissement').fill(head)
    await page.getByRole('button', { name: 'Créer l’établissement' }).click()
    await expect(page.getByText(`${school} : établissement créé`)).toBeVisible()
    await operator.close()
  })

  const { context: headContext, page: headPage } = await acceptInvitation(browser, head)

  await test.step('the head opens the class 3e A', async () => {
    const nav = headPage.getByRole('navigation', { name: 'Navigation principale' })
    await nav.getByRole('link', { name: 'Classes', exact: true }).click()
    await expect(headPage.getByRole('heading', { name: 'Classes et promotions' })).toBeVisible()
    const form = headPage.getByRole('form', { name: 'Nouvelle classe' })
    await form.getByLabel('Nom').fill('3e A')
    await form.getByLabel('Niveau').fill('3e')
    await form.getByRole('button', { name: 'Créer la classe' }).click()
    await expect(headPage.getByRole('heading', { name: '3e A' })).toBeVisible()
  })

  await test.step('she invites an internship coordinator and the main teacher of 3e A', async () => {
    await headPage.goto('/equipe/membres')
    const form = headPage.getByRole('region', { name: 'Inviter une personne' })
    for (const [email, role, classes] of [
      [coordinator, 'Coordination des stages', []],
      [mainTeacher, 'Professeur principal', ['3e A']],
    ] as const) {
      await form.getByLabel('Adresse e-mail').fill(email)
      await form.getByLabel('Rôle').selectOption({ label: role })
      for (const name of classes) await form.getByLabel(name).check()
      await form.getByRole('button', { name: 'Envoyer l’invitation' }).click()
      await expect(headPage.getByText(`Invitation envoyée à ${email}`)).toBeVisible()
    }
  })

  await test.step('she imports the 30 pupils from the Excel export and invites them', async () => {
    await headPage.goto('/equipe/eleves/import')
    await headPage.getByLabel('Fichier des élèves (CSV ou XLSX, 5 Mo au plus)').setInputFiles({
      name: 'export-siecle-3eA.csv',
      mimeType: 'text/csv',
      buffer: classList(),
    })
    await expect(
      headPage.getByText('CSV en Windows-1252 (Excel), séparé par des points-virgules'),
    ).toBeVisible()
    await headPage.getByLabel(/Envoyer leur invitation aux élèves/).check()
    await headPage.getByRole('button', { name: 'Importer 30 élèves' }).click()
    await expect(headPage.getByRole('region', { name: 'Bilan', exact: true })).toContainText(
      'Créés30',
    )
    await expectAccessible(headPage)
  })

  const coordination = await acceptInvitation(browser, coordinator)
  await test.step('the coordinator joins and follows every class', async () => {
    await expect(
      coordination.page.getByRole('region', { name: 'Avancement par classe' }).getByRole('link', {
        name: '3e A',
        exact: true,
      }),
    ).toBeVisible()
    await coordination.context.close()
  })

  const teacher = await acceptInvitation(browser, mainTeacher)
  await test.step('the main teacher records the signed forms of two pupils', async () => {
    const { page } = teacher
    await expect(page.getByRole('heading', { name: 'Mes classes' })).toBeVisible()
    await page.getByRole('link', { name: '3e A' }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: '3e A' })).toBeVisible()
    for (const i of [0, 1]) {
      const row = page.getByTestId('student-row').filter({ hasText: pupilName(i) })
      await row.getByText(`Gérer l’autorisation de ${pupilName(i)}`).click()
      await row
        .getByLabel(`Choisir le formulaire signé de ${pupilName(i)}`)
        .setInputFiles(pdfFile(`autorisation-${i}.pdf`))
      await expect(page.getByText(`Autorisation de ${pupilName(i)} enregistrée.`)).toBeVisible()
      await expect(row.getByText('En vigueur', { exact: true })).toBeVisible()
    }
    await expectAccessible(page)
  })

  await test.step('pupils with consent reach their student page; a classmate without is told why', async () => {
    for (const i of [0, 2]) {
      const pupil = await acceptInvitation(browser, pupilEmail(i))
      await pupil.page.goto('/espace/eleve')
      if (i === 0) {
        await expect(
          pupil.page.getByRole('heading', { level: 1, name: pupilName(0) }),
        ).toBeVisible()
        await expect(pupil.page.getByText('3e A')).toBeVisible()
      } else {
        await expect(pupil.page).toHaveURL(/\/espace\/eleve\/autorisation$/)
        await expect(
          pupil.page.getByRole('heading', { name: 'Autorisation parentale requise' }),
        ).toBeVisible()
        await expect(pupil.page.getByText('3e A')).toHaveCount(0)
      }
      await pupil.context.close()
    }
  })

  await test.step('the class now shows two consents and two accounts', async () => {
    await teacher.page.reload()
    await expect(teacher.page.getByText('En vigueur', { exact: true })).toHaveCount(2)
    expect((await emailIdsTo(pupilEmail(29))).size).toBe(1)
  })
  await Promise.all([teacher.context.close(), headContext.close()])
})

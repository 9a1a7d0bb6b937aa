import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { forgedPdfFile, pdfFile } from './support/files'
import { linkIn, testDb, waitForEmail } from './support/outbox'
import { signedInContext } from './support/sign-in'

// Parental consent (issue 11, item 5), as a school lives it: a main teacher sends the link to a
// pupil's mother, she confirms from the email, and the pupil reaches their student page while
// a classmate without consent is told why they cannot. The class is this journey's own, in the
// demo collège, so no other journey's pupils change.

async function createClassWithPupils() {
  const db = testDb()
  const tag = randomUUID().slice(0, 8)
  const user = async (email: string, name: string, role: string, establishmentId: string) => {
    const { rows } = await db.query<{ id: string }>(
      'insert into users (id, email, name) values (gen_random_uuid()::text, $1, $2) returning id',
      [email, name],
    )
    await db.query(
      'insert into memberships (user_id, establishment_id, role) values ($1, $2, $3)',
      [rows[0]!.id, establishmentId, role],
    )
    return rows[0]!.id
  }
  const {
    rows: [year],
  } = await db.query<{ id: string; establishment_id: string }>(
    `select y.id, y.establishment_id from school_years y join establishments e on e.id = y.establishment_id
     where e.name = 'Collège Jean Jaurès' order by y.starts_on desc limit 1`,
  )
  const establishmentId = year!.establishment_id
  const teacherEmail = `pp-${tag}@college-jaures.example`
  const teacherId = await user(teacherEmail, 'M. Garnier', 'main_teacher', establishmentId)
  const className = `3e C ${tag}`
  const {
    rows: [schoolClass],
  } = await db.query<{ id: string }>(
    `insert into classes (establishment_id, school_year_id, name, level, internships_enabled)
     values ($1, $2, $3, '3e', true) returning id`,
    [establishmentId, year!.id, className],
  )
  await db.query('insert into class_main_teachers (class_id, user_id) values ($1, $2)', [
    schoolClass!.id,
    teacherId,
  ])
  const pupil = async (firstName: string, lastName: string) => {
    const ascii = firstName
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()
    const email = `${ascii}-${tag}@college-jaures.example`
    const userId = await user(email, `${firstName} ${lastName}`, 'student', establishmentId)
    const {
      rows: [student],
    } = await db.query<{ id: string }>(
      `insert into students (establishment_id, first_name, last_name, birth_date, email, guardian_email, user_id)
       values ($1, $2, $3, '2012-04-02', $4, $5, $6) returning id`,
      [establishmentId, firstName, lastName, email, `parent-${email}`, userId],
    )
    await db.query(
      'insert into enrolments (student_id, school_year_id, class_id) values ($1, $2, $3)',
      [student!.id, year!.id, schoolClass!.id],
    )
    return { email, name: `${firstName} ${lastName}` }
  }
  return {
    teacherEmail,
    classId: schoolClass!.id,
    className,
    nina: await pupil('Nina', 'Rousseau'),
    theo: await pupil('Théo', 'Lambert'),
    mother: `maman-${tag}@exemple.fr`,
  }
}

test('a main teacher sends the consent link, the mother confirms, and only her child reaches the student page', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const school = await createClassWithPupils()

  // The main teacher finds the class on their dashboard, then sends the link to the mother.
  const teacher = await signedInContext(browser, school.teacherEmail)
  const page = await teacher.newPage()
  await page.goto('/equipe')
  await expect(page.getByRole('heading', { name: 'Mes classes' })).toBeVisible()
  await page.getByRole('link', { name: school.className }).click()
  await expect(page.getByRole('heading', { level: 1, name: school.className })).toBeVisible()
  await expect(page.getByText('mineurs sans autorisation (dont 0 demandée)')).toBeVisible()
  await expectAccessible(page)
  const ninaRow = page.getByTestId('student-row').filter({ hasText: school.nina.name })
  await ninaRow.getByText(`Gérer l’autorisation de ${school.nina.name}`).click()
  await expectAccessible(page)
  await ninaRow.getByLabel('E-mail du représentant légal').fill(school.mother)
  await ninaRow.getByLabel('Nom du représentant légal (facultatif)').fill('Sophie Rousseau')
  await ninaRow.getByRole('button', { name: 'Envoyer le lien' }).click()
  await expect(
    page.getByText(`Lien envoyé au représentant légal de ${school.nina.name}.`),
  ).toBeVisible()
  await expect(ninaRow.getByText('Demandée', { exact: true })).toBeVisible()

  // The mother opens the link from her email, with no account.
  const request = await waitForEmail(school.mother, { subject: /autorisation parentale/ })
  const mother = await browser.newContext()
  const consentPage = await mother.newPage()
  await consentPage.goto(linkIn(request, '/consentement/'))
  await expect(consentPage.getByRole('heading', { name: 'Autorisation parentale' })).toBeVisible()
  await expect(consentPage.getByText(school.nina.name).first()).toBeVisible()
  await expectAccessible(consentPage)
  await consentPage.getByRole('button', { name: 'Donner mon autorisation' }).click()
  await expect(
    consentPage.getByText('Cochez la case pour donner votre autorisation.').first(),
  ).toBeVisible()
  await expect(consentPage.getByLabel('Votre nom et prénom')).toHaveValue('Sophie Rousseau')
  // On a fresh page: on a busy machine, the submit click that followed the summary's going
  // away reached the server once, yet Playwright, seeing the button move, waited for it long
  // after it had been replaced by the confirmation (trace of a 3-minute timeout).
  await consentPage.reload()
  await consentPage.getByRole('radio', { name: 'Mère' }).check()
  await consentPage.getByLabel(/^J’autorise Nina Rousseau/).check()
  await consentPage.getByRole('button', { name: 'Donner mon autorisation' }).click()
  await expect(consentPage.getByRole('heading', { name: 'Autorisation enregistrée' })).toBeVisible()
  await expect(consentPage.getByRole('button', { name: 'Retirer mon autorisation' })).toBeVisible()
  await expectAccessible(consentPage)
  await waitForEmail(school.mother, { subject: /Accusé de réception/ })
  await mother.close()

  // The class view now counts her consent.
  await page.reload()
  await expect(ninaRow.getByText('En vigueur', { exact: true })).toBeVisible()

  // Nina, signed in, reaches her page; Théo, without consent, is told why he cannot.
  const nina = await signedInContext(browser, school.nina.email)
  const ninaPage = await nina.newPage()
  await ninaPage.goto('/espace/eleve')
  await expect(ninaPage.getByRole('heading', { level: 1, name: school.nina.name })).toBeVisible()
  await expect(ninaPage.getByText(school.className)).toBeVisible()
  await expect(
    ninaPage.getByText('Aucune période de stage n’est encore fixée pour votre classe.'),
  ).toBeVisible()
  await expectAccessible(ninaPage)

  const theo = await signedInContext(browser, school.theo.email)
  const theoPage = await theo.newPage()
  await theoPage.goto('/espace/eleve')
  await expect(theoPage).toHaveURL(/\/espace\/eleve\/autorisation$/)
  await expect(
    theoPage.getByRole('heading', { name: 'Autorisation parentale requise' }),
  ).toBeVisible()
  await expect(theoPage.getByText(/professeur principal doit d’abord recevoir/)).toBeVisible()
  await expect(theoPage.getByText(school.className)).toHaveCount(0)
  await expectAccessible(theoPage)

  // The main teacher records Théo's signed paper form instead: he gets in at once.
  const theoRow = page.getByTestId('student-row').filter({ hasText: school.theo.name })
  await theoRow.getByText(`Gérer l’autorisation de ${school.theo.name}`).click()
  await theoRow
    .getByLabel(`Choisir le formulaire signé de ${school.theo.name}`)
    .setInputFiles(forgedPdfFile('autorisation.pdf'))
  await expect(theoRow.getByRole('alert')).toContainText('n’est pas un PDF, JPEG ou PNG valide')
  await theoRow
    .getByLabel(`Choisir le formulaire signé de ${school.theo.name}`)
    .setInputFiles(pdfFile('autorisation-theo.pdf'))
  await expect(page.getByText(`Autorisation de ${school.theo.name} enregistrée.`)).toBeVisible()
  await expect(theoRow.getByText('En vigueur', { exact: true })).toBeVisible()
  await expect(theoRow.getByRole('link', { name: /Voir le formulaire/ })).toBeVisible()
  await theoPage.goto('/espace/eleve')
  await expect(theoPage.getByRole('heading', { level: 1, name: school.theo.name })).toBeVisible()

  // Another class's main teacher finds nothing at this class's address.
  const other = await signedInContext(browser, 'pp.3b@college-jaures.example')
  const otherPage = await other.newPage()
  const response = await otherPage.goto(`/equipe/classes/${school.classId}`)
  expect(response?.status()).toBe(404)
  await Promise.all([teacher.close(), nina.close(), theo.close(), other.close()])
})

test('the head follows every class’s progress, and the CPE reads the same without acting', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const head = await signedInContext(browser, 'direction@college-jaures.example')
  const page = await head.newPage()
  await page.goto('/equipe')
  await expect(page.getByRole('heading', { name: 'Classes et élèves' })).toBeVisible()
  const classes = page.getByRole('region', { name: 'Avancement par classe' })
  await expect(classes.getByRole('link', { name: '3e A', exact: true })).toBeVisible()
  await expect(classes.getByRole('link', { name: '3e B', exact: true })).toBeVisible()
  await expect(page.getByText('mineurs sans autorisation parentale')).toBeVisible()
  await expect(page.getByRole('progressbar').first()).toBeVisible()
  await expectAccessible(page)
  await classes.getByRole('link', { name: '3e A', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: '3e A' })).toBeVisible()
  const hugo = page.getByTestId('student-row').filter({ hasText: 'Hugo Petit' })
  await expect(hugo.getByText('Manquante', { exact: true })).toBeVisible()
  await expect(hugo.getByText('Gérer l’autorisation de Hugo Petit')).toBeVisible()
  await page.getByRole('link', { name: 'Sans autorisation en vigueur' }).click()
  await expect(page.getByTestId('student-row').filter({ hasText: 'Inès Moreau' })).toHaveCount(0)
  await expect(hugo).toBeVisible()
  await head.close()

  const cpe = await signedInContext(browser, 'cpe@college-jaures.example')
  const cpePage = await cpe.newPage()
  await cpePage.goto('/equipe')
  await cpePage
    .getByRole('region', { name: 'Avancement par classe' })
    .getByRole('link', { name: '3e A', exact: true })
    .click()
  await expect(cpePage.getByRole('heading', { level: 1, name: '3e A' })).toBeVisible()
  await expect(cpePage.getByText(/Gérer l’autorisation/)).toHaveCount(0)
  await cpe.close()
})

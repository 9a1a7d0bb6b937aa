import { and, eq, isNull } from 'drizzle-orm'
import type { Database, Executor } from './index'
import {
  classMainTeachers,
  classes,
  enrolments,
  establishments,
  internshipPeriods,
  memberships,
  parentalConsents,
  programmes,
  schoolYears,
  students,
  users,
} from './schema'
import {
  demoAccounts,
  demoPlatformAdmin,
  type DemoEstablishment,
} from '../lib/people/demo-accounts'

// Demo school data: a collège near Toulouse with two 3e classes (main teachers, pupils who are
// minors, with and without parental consent, an internship week), and Lycée Ozenne's classes
// for the current school year. Idempotent, like the rest of the seed.

const firstNames = [
  'Emma',
  'Lucas',
  'Jade',
  'Gabriel',
  'Louise',
  'Raphaël',
  'Ambre',
  'Arthur',
  'Alice',
  'Louis',
  'Chloé',
  'Jules',
  'Lina',
  'Adam',
  'Rose',
  'Maël',
  'Anna',
  'Nathan',
  'Mia',
  'Léo',
  'Léna',
  'Sacha',
  'Zoé',
  'Noah',
  'Julia',
  'Tom',
  'Manon',
  'Ethan',
  'Camille',
  'Paul',
]
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Durand',
  'Lefebvre',
  'Moreau',
  'Simon',
  'Laurent',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'Fontaine',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
]

/** The school year `now` falls in: September 1st to July 4th. */
export function currentSchoolYear(now: Date) {
  const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
  return {
    label: `${year}-${year + 1}`,
    startsOn: `${year}-09-01`,
    endsOn: `${year + 1}-07-04`,
    startYear: year,
  }
}

const ine = (n: number) => `${String(70_000_000 + n).padStart(9, '0')}AB`

async function ensureUser(db: Executor, email: string, name: string, now: Date) {
  await db
    .insert(users)
    .values({ email, name, emailVerified: now })
    .onConflictDoNothing({ target: users.email })
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  if (!user) throw new Error(`seed: user ${email} missing`)
  return user.id
}

async function ensureYear(db: Executor, establishmentId: string, now: Date) {
  const year = currentSchoolYear(now)
  await db
    .insert(schoolYears)
    .values({ establishmentId, label: year.label, startsOn: year.startsOn, endsOn: year.endsOn })
    .onConflictDoNothing()
  const [row] = await db
    .select()
    .from(schoolYears)
    .where(and(eq(schoolYears.establishmentId, establishmentId), eq(schoolYears.label, year.label)))
  return { ...row!, startYear: year.startYear }
}

async function ensureClass(
  db: Executor,
  values: {
    establishmentId: string
    schoolYearId: string
    name: string
    level: string
    programmeId?: string | null
    internshipsEnabled: boolean
  },
) {
  await db.insert(classes).values(values).onConflictDoNothing()
  const [row] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.schoolYearId, values.schoolYearId), eq(classes.name, values.name)))
  return row!
}

type DemoPupil = {
  firstName: string
  lastName: string
  birthDate: string
  email: string | null
  consent: boolean
  ine: string
}

async function ensureStudents(
  db: Executor,
  establishmentId: string,
  schoolClass: { id: string; schoolYearId: string },
  pupils: DemoPupil[],
  recordedByUserId: string | null,
  now: Date,
) {
  for (const pupil of pupils) {
    await db
      .insert(students)
      .values({
        establishmentId,
        ine: pupil.ine,
        email: pupil.email,
        firstName: pupil.firstName,
        lastName: pupil.lastName,
        birthDate: pupil.birthDate,
        guardianName: `Parent ${pupil.lastName}`,
        guardianEmail: `parent.${pupil.lastName.toLowerCase()}.${pupil.ine.slice(5, 9)}@exemple.fr`,
      })
      .onConflictDoNothing()
    const [student] = await db
      .select({ id: students.id })
      .from(students)
      .where(and(eq(students.establishmentId, establishmentId), eq(students.ine, pupil.ine)))
    await db
      .insert(enrolments)
      .values({
        studentId: student!.id,
        schoolYearId: schoolClass.schoolYearId,
        classId: schoolClass.id,
      })
      .onConflictDoNothing()
    if (pupil.consent) {
      const existing = await db
        .select({ id: parentalConsents.id })
        .from(parentalConsents)
        .where(
          and(eq(parentalConsents.studentId, student!.id), isNull(parentalConsents.withdrawnAt)),
        )
      if (existing.length === 0)
        await db.insert(parentalConsents).values({
          studentId: student!.id,
          method: 'upload',
          documentName: 'autorisation-parentale-signee.pdf',
          grantedAt: now,
          recordedByUserId,
        })
    }
  }
}

/** `count` pupils of a 3e class, born in the year they turn 15; every third without consent. */
function pupilsOf(classIndex: number, count: number, startYear: number): DemoPupil[] {
  return Array.from({ length: count }, (_, i) => {
    const n = classIndex * 100 + i
    const month = String((i % 12) + 1).padStart(2, '0')
    const day = String((i % 27) + 1).padStart(2, '0')
    return {
      firstName: firstNames[(i + classIndex * 7) % firstNames.length]!,
      lastName: lastNames[(i * 3 + classIndex) % lastNames.length]!,
      birthDate: `${startYear - 14}-${month}-${day}`,
      email: null,
      consent: i % 3 !== 2,
      ine: ine(n),
    }
  })
}

async function grant(db: Executor, userId: string, establishmentId: string, role: DemoRole) {
  await db.insert(memberships).values({ userId, establishmentId, role }).onConflictDoNothing()
}
type DemoRole = (typeof demoAccounts)[number]['role']

export async function seedDemoSchool(db: Database, ozenneId: string, now: Date = new Date()) {
  await db
    .insert(establishments)
    .values({
      uai: '0311234Y',
      name: 'Collège Jean Jaurès',
      kind: 'college',
      address: '2 allée du Collège',
      postcode: '31770',
      city: 'Colomiers',
      latitude: 43.6112,
      longitude: 1.3349,
      emailDomains: ['college-jaures.example', 'ac-toulouse.fr'],
      slug: 'college-jean-jaures-colomiers',
      maxApplicationsPerCandidate: 20,
    })
    .onConflictDoNothing({ target: establishments.uai })
  const [jaures] = await db.select().from(establishments).where(eq(establishments.uai, '0311234Y'))
  if (!jaures) throw new Error('seed: collège missing')
  await db
    .update(establishments)
    .set({
      kind: 'lycee',
      address: '33 rue Gaston Ozenne',
      postcode: '31000',
      latitude: 43.5963,
      longitude: 1.4473,
      emailDomains: ['ozenne.example', 'ac-toulouse.fr'],
    })
    .where(and(eq(establishments.id, ozenneId), isNull(establishments.postcode)))
  const establishmentIds: Record<DemoEstablishment, string> = {
    ozenne: ozenneId,
    jaures: jaures.id,
  }

  const userIds = new Map<string, string>()
  for (const account of demoAccounts) {
    const userId = await ensureUser(db, account.email, account.name, now)
    userIds.set(account.email, userId)
    await grant(db, userId, establishmentIds[account.establishment], account.role)
  }
  const operator = await ensureUser(db, demoPlatformAdmin.email, demoPlatformAdmin.name, now)
  await db.update(users).set({ platformAdmin: true }).where(eq(users.id, operator))

  // The collège: 3e A and 3e B use internships, one observation week in December.
  const year = await ensureYear(db, jaures.id, now)
  const mainTeachers = {
    '3e A': userIds.get('pp.3a@college-jaures.example')!,
    '3e B': userIds.get('pp.3b@college-jaures.example')!,
  }
  for (const [index, name] of (['3e A', '3e B'] as const).entries()) {
    const schoolClass = await ensureClass(db, {
      establishmentId: jaures.id,
      schoolYearId: year.id,
      name,
      level: '3e',
      internshipsEnabled: true,
    })
    await db
      .insert(classMainTeachers)
      .values({ classId: schoolClass.id, userId: mainTeachers[name] })
      .onConflictDoNothing()
    const periods = await db
      .select({ id: internshipPeriods.id })
      .from(internshipPeriods)
      .where(eq(internshipPeriods.classId, schoolClass.id))
    if (periods.length === 0)
      await db.insert(internshipPeriods).values({
        classId: schoolClass.id,
        label: 'Stage d’observation de 3e',
        startsOn: `${year.startYear}-12-14`,
        endsOn: `${year.startYear}-12-18`,
      })
    const pupils = pupilsOf(index + 1, name === '3e A' ? 24 : 22, year.startYear)
    if (name === '3e A') {
      // The two pupils with demo accounts: one with consent, one without.
      pupils[0] = {
        firstName: 'Inès',
        lastName: 'Moreau',
        birthDate: `${year.startYear - 14}-05-02`,
        email: 'eleve.autorise@college-jaures.example',
        consent: true,
        ine: ine(1000),
      }
      pupils[1] = {
        firstName: 'Hugo',
        lastName: 'Petit',
        birthDate: `${year.startYear - 14}-10-21`,
        email: 'eleve.sans-autorisation@college-jaures.example',
        consent: false,
        ine: ine(1001),
      }
    }
    await ensureStudents(db, jaures.id, schoolClass, pupils, mainTeachers[name], now)
  }
  for (const email of [
    'eleve.autorise@college-jaures.example',
    'eleve.sans-autorisation@college-jaures.example',
  ])
    await db
      .update(students)
      .set({ userId: userIds.get(email)! })
      .where(and(eq(students.establishmentId, jaures.id), eq(students.email, email)))

  // Lycée Ozenne: the CPGE ATS cohort and a BTS class with the demo student (an adult).
  const ozenneYear = await ensureYear(db, ozenneId, now)
  const [ats] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(
      and(
        eq(programmes.establishmentId, ozenneId),
        eq(programmes.name, 'CPGE ATS Économie-Gestion'),
      ),
    )
  await ensureClass(db, {
    establishmentId: ozenneId,
    schoolYearId: ozenneYear.id,
    name: `ATS Économie-Gestion ${ozenneYear.label}`,
    level: 'Bac+3',
    programmeId: ats?.id ?? null,
    internshipsEnabled: false,
  })
  const bts = await ensureClass(db, {
    establishmentId: ozenneId,
    schoolYearId: ozenneYear.id,
    name: 'BTS CG 1',
    level: 'Bac+1',
    internshipsEnabled: true,
  })
  const btsStudents: DemoPupil[] = [
    {
      firstName: 'Léa',
      lastName: 'Élève',
      birthDate: `${ozenneYear.startYear - 19}-04-11`,
      email: 'eleve@ozenne.example',
      consent: false,
      ine: ine(5000),
    },
    ...Array.from({ length: 11 }, (_, i) => ({
      firstName: firstNames[(i * 5) % firstNames.length]!,
      lastName: lastNames[(i * 7 + 3) % lastNames.length]!,
      birthDate: `${ozenneYear.startYear - 18 - (i % 2)}-0${(i % 9) + 1}-1${i % 9}`,
      email: null,
      consent: false,
      ine: ine(5001 + i),
    })),
  ]
  await ensureStudents(db, ozenneId, bts, btsStudents, null, now)
  await db
    .update(students)
    .set({ userId: userIds.get('eleve@ozenne.example')! })
    .where(and(eq(students.establishmentId, ozenneId), eq(students.email, 'eleve@ozenne.example')))
  return { collegeId: jaures.id }
}

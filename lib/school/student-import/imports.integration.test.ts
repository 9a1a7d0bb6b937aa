import { and, count, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  auditLog,
  emailOutbox,
  enrolments,
  invitations,
  studentImports,
  students,
} from '@/db/schema'
import { createEstablishment, createMember } from '@/db/test/factories'
import { createClass, createSchoolYear, createStudent } from '@/db/test/school'
import {
  brokenKinds,
  studentListCsv,
  toWindows1252,
  type BrokenKind,
} from '@/db/test/student-lists'
import { UserFacingError } from '@/lib/errors'
import { applyImport, previewImport, remapImport, type ImportSummary } from './imports'

let tagNumber = 100
async function school(classNames = ['3e A', '3e B']) {
  const establishment = await createEstablishment(db)
  const head = await createMember(db, establishment.id, 'head')
  const year = await createSchoolYear(db, establishment.id)
  const classes = []
  for (const name of classNames)
    classes.push(
      await createClass(db, { establishmentId: establishment.id, schoolYearId: year.id, name }),
    )
  const actor = { establishmentId: establishment.id, actorUserId: head.id }
  return { establishment, head, year, classes, actor, tag: `t${tagNumber}`, tagNumber: tagNumber++ }
}

const studentCount = async (establishmentId: string) =>
  (
    await db
      .select({ n: count() })
      .from(students)
      .where(eq(students.establishmentId, establishmentId))
  )[0]!.n

describe('student import', () => {
  it('previews without writing a student, then applies, and a re-import changes nothing', async () => {
    const s = await school()
    const csv = studentListCsv({
      count: 30,
      classes: ['3e A', '3e B'],
      tag: s.tag,
      tagNumber: s.tagNumber,
      broken: new Map([
        [4, 'bad-date'],
        [9, 'missing-name'],
      ]),
    })
    const preview = await previewImport(db, s.actor, {
      fileName: 'eleves.csv',
      bytes: toWindows1252(csv),
      schoolYearId: s.year.id,
    })
    expect(preview.summary).toMatchObject({ created: 28, updated: 0, unchanged: 0, errors: 2 })
    expect(preview.errors).toEqual([
      {
        line: 6,
        name: expect.stringContaining(s.tag),
        reasons: [expect.stringMatching(/^Date de naissance invalide/)],
      },
      { line: 11, name: expect.any(String), reasons: ['Nom manquant(e).'] },
    ])
    expect(await studentCount(s.establishment.id)).toBe(0)

    const applied = await applyImport(db, s.actor, { importId: preview.id, sendInvitations: false })
    expect(applied).toEqual({ created: 28, updated: 0, unchanged: 0, errors: 2 })
    expect(await studentCount(s.establishment.id)).toBe(28)
    const [first] = await db
      .select()
      .from(students)
      .where(eq(students.ine, `${String(s.tagNumber).padStart(3, '0')}0000000K`))
    expect(first).toMatchObject({
      lastName: `Martin-${s.tag}0`,
      firstName: 'Léa',
      birthDate: '2012-01-01',
      email: `${s.tag}.eleve0@exemple.fr`,
    })
    const [stored] = await db.select().from(studentImports).where(eq(studentImports.id, preview.id))
    expect(stored).toMatchObject({ status: 'applied', summary: { created: 28, errors: 2 } })
    await expect(
      applyImport(db, s.actor, { importId: preview.id, sendInvitations: false }),
    ).rejects.toThrow('Cet import a déjà été appliqué.')

    const again = await previewImport(db, s.actor, {
      fileName: 'eleves.csv',
      bytes: toWindows1252(csv),
      schoolYearId: s.year.id,
    })
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 28, errors: 2 })
    await applyImport(db, s.actor, { importId: again.id, sendInvitations: false })
    expect(await studentCount(s.establishment.id)).toBe(28)
  })

  it('updates names and moves a student to another class on re-import, matched on INE, then on email', async () => {
    const s = await school()
    const [a, b] = s.classes
    const byIne = await createStudent(db, {
      establishmentId: s.establishment.id,
      schoolClass: a,
      ine: '1112223334A',
      email: null,
      lastName: 'Ancien',
      firstName: 'Nom',
    })
    const byEmail = await createStudent(db, {
      establishmentId: s.establishment.id,
      schoolClass: a,
      email: `marie.${s.tag}@exemple.fr`,
      lastName: 'Curie',
      firstName: 'Marie',
    })
    const csv = [
      'Nom;Prénom;Date de naissance;INE;Classe;E-mail',
      `Nouveau;Nom;14/03/2012;1112223334A;3e B;`,
      `Curie;Marie;14/03/2012;;3e B;MARIE.${s.tag}@exemple.fr`,
    ].join('\n')
    const preview = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: s.year.id,
    })
    expect(preview.summary).toMatchObject({ created: 0, updated: 2, errors: 0 })
    await applyImport(db, s.actor, { importId: preview.id, sendInvitations: false })
    const [moved] = await db.select().from(students).where(eq(students.id, byIne.id))
    expect(moved).toMatchObject({ lastName: 'Nouveau', birthDate: '2012-03-14' })
    const classOf = await db
      .select({ studentId: enrolments.studentId, classId: enrolments.classId })
      .from(enrolments)
      .where(inArray(enrolments.studentId, [byIne.id, byEmail.id]))
    expect(classOf.map((e) => e.classId)).toEqual([b!.id, b!.id])
    expect(await studentCount(s.establishment.id)).toBe(2)
  })

  it('refuses a row whose email belongs to another student of the school', async () => {
    const s = await school()
    await createStudent(db, {
      establishmentId: s.establishment.id,
      ine: '1112223335A',
      email: `pris.${s.tag}@exemple.fr`,
    })
    const csv = [
      'Nom;Prénom;INE;Classe;E-mail',
      `Autre;Élève;9998887776B;3e A;pris.${s.tag}@exemple.fr`,
    ].join('\n')
    const preview = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: s.year.id,
    })
    expect(preview.errors).toEqual([
      {
        line: 2,
        name: 'Élève Autre',
        reasons: [expect.stringMatching(/déjà utilisée par un autre élève/)],
      },
    ])
  })

  it('lets the person fix the mapping and create the missing classes before confirming', async () => {
    const s = await school(['3e A'])
    const csv = [
      'Élève;Prénom;Né le;Groupe;Mail',
      'Martin;Léa;14/03/2012;3e A;lea@exemple.fr',
      'Petit;Jean;15/03/2012;3e C;jean@exemple.fr',
    ].join('\n')
    const preview = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: s.year.id,
    })
    // "Élève" and "Groupe" are not recognised: the name and class are missing on every row.
    expect((preview.summary as ImportSummary).errors).toBe(2)
    await remapImport(db, s.actor, {
      importId: preview.id,
      createMissingClasses: false,
      columns: {
        lastName: 0,
        firstName: 1,
        birthDate: 2,
        className: 3,
        email: 4,
        ine: null,
        guardianName: null,
        guardianEmail: null,
      },
    })
    let [row] = await db.select().from(studentImports).where(eq(studentImports.id, preview.id))
    expect(row!.summary).toMatchObject({ created: 1, errors: 1, missingClasses: ['3e C'] })
    await remapImport(db, s.actor, {
      importId: preview.id,
      createMissingClasses: true,
      columns: {
        lastName: 0,
        firstName: 1,
        birthDate: 2,
        className: 3,
        email: 4,
        ine: null,
        guardianName: null,
        guardianEmail: null,
      },
    })
    ;[row] = await db.select().from(studentImports).where(eq(studentImports.id, preview.id))
    expect(row!.summary).toMatchObject({ created: 2, errors: 0 })
    const result = await applyImport(db, s.actor, { importId: preview.id, sendInvitations: true })
    expect(result).toMatchObject({ created: 2, invited: 2 })
    const mails = await db
      .select({ to: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.establishmentId, s.establishment.id),
          eq(emailOutbox.template, 'invitation'),
        ),
      )
    expect(mails.map((m) => m.to).sort()).toEqual(['jean@exemple.fr', 'lea@exemple.fr'])
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.establishmentId, s.establishment.id),
          eq(auditLog.action, 'students.imported'),
        ),
      )
    expect(audit[0]!.after).toMatchObject({ created: 2, classesCreated: ['3e C'] })
  })

  it('applies nothing when the school’s students changed since the preview, and updates the preview', async () => {
    const s = await school()
    const csv = [
      'Nom;Prénom;Classe;E-mail',
      `Martin;Léa;3e A;lea.${s.tag}@exemple.fr`,
      `Petit;Jean;3e A;jean.${s.tag}@exemple.fr`,
    ].join('\n')
    const preview = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: s.year.id,
    })
    expect(preview.summary).toMatchObject({ created: 2 })
    await createStudent(db, {
      establishmentId: s.establishment.id,
      ine: '1112223336A',
      email: `jean.${s.tag}@exemple.fr`,
    })
    await expect(
      applyImport(db, s.actor, { importId: preview.id, sendInvitations: false }),
    ).rejects.toThrow(/ont changé depuis l’aperçu/)
    expect(await studentCount(s.establishment.id)).toBe(1)
    const [row] = await db.select().from(studentImports).where(eq(studentImports.id, preview.id))
    expect(row).toMatchObject({ status: 'preview', summary: { created: 1, updated: 1 } })
  })

  it('reads another establishment’s import as unknown', async () => {
    const s = await school()
    const other = await school()
    const preview = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode('Nom;Prénom;Classe;E-mail\nA;B;3e A;a@exemple.fr'),
      schoolYearId: s.year.id,
    })
    await expect(
      applyImport(db, other.actor, { importId: preview.id, sendInvitations: false }),
    ).rejects.toBeInstanceOf(UserFacingError)
    await expect(
      previewImport(db, other.actor, {
        fileName: 'l.csv',
        bytes: new TextEncoder().encode('Nom;Prénom\nA;B'),
        schoolYearId: s.year.id,
      }),
    ).rejects.toThrow('Année scolaire introuvable.')
  })

  it('previews and applies 5,000 rows with broken ones in seconds; the re-import duplicates nothing', async () => {
    const s = await school(['3e A', '3e B', '3e C', '3e D', '4e A', '4e B'])
    const broken = new Map<number, BrokenKind>()
    // Ten of each kind, spread through the file (a duplicate repeats the line before it).
    for (let k = 0; k < 60; k++) broken.set(50 + k * 80, brokenKinds[k % brokenKinds.length]!)
    const csv = studentListCsv({
      count: 5000,
      classes: ['3e A', '3e B', '3e C', '3e D', '4e A', '4e B'],
      tag: s.tag,
      tagNumber: s.tagNumber,
      broken,
      emailEvery: 2,
    })
    const bytes = toWindows1252(csv)

    let started = performance.now()
    const preview = await previewImport(db, s.actor, {
      fileName: 'siecle.csv',
      bytes,
      schoolYearId: s.year.id,
    })
    const previewMs = performance.now() - started
    expect(preview.summary).toMatchObject({
      created: 4940,
      updated: 0,
      unchanged: 0,
      errors: 60,
      missingClasses: ['6e Z'],
    })
    const reasons = (preview.errors as { reasons: string[] }[]).map((e) => e.reasons[0]!)
    expect(reasons.filter((r) => r.startsWith('Ligne en double'))).toHaveLength(10)
    expect(reasons.filter((r) => r.startsWith('Classe inconnue'))).toHaveLength(10)
    expect(reasons.filter((r) => r.startsWith('INE mal formé'))).toHaveLength(10)
    expect(reasons.filter((r) => r.startsWith('Adresse e-mail invalide'))).toHaveLength(10)
    expect(reasons.filter((r) => r.startsWith('Date de naissance invalide'))).toHaveLength(10)
    expect(reasons.filter((r) => r.startsWith('Nom manquant'))).toHaveLength(10)

    started = performance.now()
    const applied = await applyImport(db, s.actor, { importId: preview.id, sendInvitations: false })
    const applyMs = performance.now() - started
    expect(applied).toEqual({ created: 4940, updated: 0, unchanged: 0, errors: 60 })
    expect(await studentCount(s.establishment.id)).toBe(4940)
    const [enrolled] = await db
      .select({ n: count() })
      .from(enrolments)
      .where(eq(enrolments.schoolYearId, s.year.id))
    expect(enrolled!.n).toBe(4940)

    // The same file again, with ten students moved to another class.
    const moves = new Map(Array.from({ length: 10 }, (_, k) => [k * 3 + 1, '4e B'] as const))
    const again = studentListCsv({
      count: 5000,
      classes: ['3e A', '3e B', '3e C', '3e D', '4e A', '4e B'],
      tag: s.tag,
      tagNumber: s.tagNumber,
      broken,
      emailEvery: 2,
      moves,
    })
    started = performance.now()
    const second = await previewImport(db, s.actor, {
      fileName: 'siecle.csv',
      bytes: toWindows1252(again),
      schoolYearId: s.year.id,
    })
    const reapplied = await applyImport(db, s.actor, {
      importId: second.id,
      sendInvitations: false,
    })
    const reimportMs = performance.now() - started
    expect(reapplied).toEqual({ created: 0, updated: 10, unchanged: 4930, errors: 60 })
    expect(await studentCount(s.establishment.id)).toBe(4940)
    console.info(
      `5,000 rows: preview ${Math.round(previewMs)} ms, apply ${Math.round(applyMs)} ms, re-import ${Math.round(reimportMs)} ms`,
    )
    expect(previewMs + applyMs).toBeLessThan(20_000)
  }, 120_000)
})

describe('invitations on confirmation', () => {
  it('invites only students with an email, no account and no pending invitation', async () => {
    const s = await school()
    const csv = [
      'Nom;Prénom;Date de naissance;Classe;E-mail',
      `Martin;Léa;14/03/2012;3e A;lea.${s.tag}@exemple.fr`,
      'Petit;Jean;15/03/2012;3e A;',
    ].join('\n')
    const preview = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: s.year.id,
    })
    expect(
      await applyImport(db, s.actor, { importId: preview.id, sendInvitations: true }),
    ).toMatchObject({ invited: 1 })
    const again = await previewImport(db, s.actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: s.year.id,
    })
    expect(
      await applyImport(db, s.actor, { importId: again.id, sendInvitations: true }),
    ).toMatchObject({ unchanged: 2, invited: 0 })
    const sent = await db
      .select()
      .from(invitations)
      .where(eq(invitations.establishmentId, s.establishment.id))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ role: 'student', email: `lea.${s.tag}@exemple.fr` })
  })
})

import { count, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { classes, enrolments, invitations, studentImports, students } from '@/db/schema'
import { createEstablishment, createMember } from '@/db/test/factories'
import { createSchoolYear } from '@/db/test/school'
import { applyImport, previewImport } from './imports'

// The invitations are written, then queueing their emails fails (a trigger on the outbox
// refuses this establishment's emails, as a database error would): everything written before,
// the invitations included, must go too. A real failure, not a mocked module.
async function refuseEmailsOf(establishmentId: string) {
  const name = `refuse_${establishmentId.replace(/-/g, '')}`
  await db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if new.establishment_id = '${establishmentId}' then
          raise exception 'mail queue unavailable';
        end if;
        return new;
      end $$`),
  )
  await db.execute(
    sql.raw(
      `create trigger ${name} before insert on email_outbox for each row execute function ${name}()`,
    ),
  )
  return async () => {
    await db.execute(sql.raw(`drop trigger ${name} on email_outbox`))
    await db.execute(sql.raw(`drop function ${name}()`))
  }
}

describe('student import, all or nothing', () => {
  it('leaves no class, student, enrolment or invitation behind when a step fails', async () => {
    const establishment = await createEstablishment(db)
    const head = await createMember(db, establishment.id, 'head')
    const year = await createSchoolYear(db, establishment.id)
    const actor = { establishmentId: establishment.id, actorUserId: head.id }
    const csv = [
      'Nom;Prénom;Date de naissance;Classe;E-mail',
      ...Array.from({ length: 5 }, (_, i) => `Élève${i};Test;01/02/2012;5e A;e${i}@exemple.fr`),
    ].join('\n')
    const preview = await previewImport(db, actor, {
      fileName: 'l.csv',
      bytes: new TextEncoder().encode(csv),
      schoolYearId: year.id,
    })
    const { remapImport } = await import('./imports')
    const mapping = preview.mapping as { columns: Record<string, number | null> }
    await remapImport(db, actor, {
      importId: preview.id,
      columns: mapping.columns as never,
      createMissingClasses: true,
    })

    const restore = await refuseEmailsOf(establishment.id)
    try {
      await expect(
        applyImport(db, actor, { importId: preview.id, sendInvitations: true }),
      ).rejects.toHaveProperty('cause.message', 'mail queue unavailable')
    } finally {
      await restore()
    }

    const inSchool = (table: typeof students | typeof classes | typeof invitations) =>
      db
        .select({ n: count() })
        .from(table)
        .where(eq(table.establishmentId, establishment.id))
        .then((r) => r[0]!.n)
    expect(await inSchool(students)).toBe(0)
    expect(await inSchool(classes)).toBe(0)
    expect(await inSchool(invitations)).toBe(0)
    const [enrolled] = await db
      .select({ n: count() })
      .from(enrolments)
      .where(eq(enrolments.schoolYearId, year.id))
    expect(enrolled!.n).toBe(0)
    const [row] = await db.select().from(studentImports).where(eq(studentImports.id, preview.id))
    expect(row).toMatchObject({ status: 'preview', appliedAt: null })
  })
})

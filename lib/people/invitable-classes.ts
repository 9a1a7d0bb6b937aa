import { and, asc, desc, eq, gte, lte } from 'drizzle-orm'
import type { Executor } from '@/db'
import { classes, schoolYears } from '@/db/schema'

// The classes a main teacher can be invited for: those of the establishment's current school
// year (the one running today, else the latest to have started, else the next to start).
// Kept here, apart from the classes pages, as a small read of their tables.

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

export async function currentSchoolYear(db: Executor, establishmentId: string, today = new Date()) {
  const day = isoDate(today)
  const [running] = await db
    .select()
    .from(schoolYears)
    .where(
      and(
        eq(schoolYears.establishmentId, establishmentId),
        lte(schoolYears.startsOn, day),
        gte(schoolYears.endsOn, day),
      ),
    )
    .orderBy(desc(schoolYears.startsOn))
    .limit(1)
  if (running) return running
  const [started] = await db
    .select()
    .from(schoolYears)
    .where(and(eq(schoolYears.establishmentId, establishmentId), lte(schoolYears.startsOn, day)))
    .orderBy(desc(schoolYears.startsOn))
    .limit(1)
  if (started) return started
  const [next] = await db
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.establishmentId, establishmentId))
    .orderBy(asc(schoolYears.startsOn))
    .limit(1)
  return next ?? null
}

export type InvitableClass = { id: string; name: string }

export async function invitableClasses(
  db: Executor,
  establishmentId: string,
  today = new Date(),
): Promise<{ yearLabel: string | null; classes: InvitableClass[] }> {
  const year = await currentSchoolYear(db, establishmentId, today)
  if (!year) return { yearLabel: null, classes: [] }
  const rows = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(and(eq(classes.establishmentId, establishmentId), eq(classes.schoolYearId, year.id)))
    .orderBy(asc(classes.name))
  return { yearLabel: year.label, classes: rows }
}

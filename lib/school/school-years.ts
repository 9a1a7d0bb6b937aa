import { and, desc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { schoolYears, type SchoolYear } from '@/db/schema'
import { toParisDate } from '@/lib/paris-time'

// A French school year runs from 1 September to early July. From August on, the school is
// preparing the coming year, so that is the one opened by default.

export type SchoolYearDates = { label: string; startsOn: string; endsOn: string }

export function schoolYearDatesOf(startYear: number): SchoolYearDates {
  return {
    label: `${startYear}-${startYear + 1}`,
    startsOn: `${startYear}-09-01`,
    endsOn: `${startYear + 1}-07-04`,
  }
}

/** The school year a Paris calendar date ("yyyy-mm-dd") belongs to. */
export function schoolYearDatesFor(parisDate: string): SchoolYearDates {
  const [year, month] = parisDate.split('-').map(Number) as [number, number]
  return schoolYearDatesOf(month >= 8 ? year : year - 1)
}

export async function schoolYearsOf(db: Executor, establishmentId: string) {
  return db
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.establishmentId, establishmentId))
    .orderBy(desc(schoolYears.startsOn))
}

/** The school year of today, created the first time someone needs it. */
export async function currentSchoolYear(
  db: Executor,
  establishmentId: string,
  now: Date = new Date(),
): Promise<SchoolYear> {
  const dates = schoolYearDatesFor(toParisDate(now))
  await db
    .insert(schoolYears)
    .values({ establishmentId, ...dates })
    .onConflictDoNothing({ target: [schoolYears.establishmentId, schoolYears.label] })
  const [year] = await db
    .select()
    .from(schoolYears)
    .where(
      and(eq(schoolYears.establishmentId, establishmentId), eq(schoolYears.label, dates.label)),
    )
  return year!
}

/** The establishment's year with this id, or null (an id from another school is unknown). */
export async function schoolYearOf(db: Executor, establishmentId: string, id: string) {
  const [year] = await db
    .select()
    .from(schoolYears)
    .where(and(eq(schoolYears.id, id), eq(schoolYears.establishmentId, establishmentId)))
  return year ?? null
}

/** Opens the year after the latest one (to prepare next year's classes in summer). */
export async function openNextSchoolYear(db: Executor, establishmentId: string) {
  const [latest] = await db
    .select({ startsOn: schoolYears.startsOn })
    .from(schoolYears)
    .where(eq(schoolYears.establishmentId, establishmentId))
    .orderBy(desc(schoolYears.startsOn))
    .limit(1)
  const startYear = latest
    ? Number(latest.startsOn.slice(0, 4)) + 1
    : Number(schoolYearDatesFor(toParisDate(new Date())).label.slice(0, 4))
  const [row] = await db
    .insert(schoolYears)
    .values({ establishmentId, ...schoolYearDatesOf(startYear) })
    .onConflictDoNothing({ target: [schoolYears.establishmentId, schoolYears.label] })
    .returning()
  return row ?? null
}

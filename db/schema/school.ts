import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt, id, updatedAt } from './columns'
import { establishments, programmes } from './establishments'

// The school's people and their groups: school years, classes (or cohorts: a programme in a
// given year), the main teachers of each class, the students and the class each belongs to
// in each year. Internships run per class; admissions do not depend on any of this.

export const schoolYears = pgTable(
  'school_years',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    // "2026-2027"
    label: text('label').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('school_years_establishment_label').on(t.establishmentId, t.label)],
)
export type SchoolYear = typeof schoolYears.$inferSelect
export type NewSchoolYear = typeof schoolYears.$inferInsert

export const classes = pgTable(
  'classes',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    // "3e B", "BTS SIO 1", "ATS 2026"
    name: text('name').notNull(),
    // Free level label ("3e", "Terminale", "Bac+2"), used to group classes on dashboards.
    level: text('level'),
    // Set for a cohort: this programme's students in this school year.
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    // The head chooses which classes use internships.
    internshipsEnabled: boolean('internships_enabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('classes_year_name').on(t.schoolYearId, t.name),
    // Target of the enrolments' (class, year) key: a student's class is of that year.
    unique('classes_id_year').on(t.id, t.schoolYearId),
    index('classes_establishment_idx').on(t.establishmentId),
  ],
)
export type SchoolClass = typeof classes.$inferSelect
export type NewSchoolClass = typeof classes.$inferInsert

// The internship period(s) of a class (e.g. the week of the 3e observation internship).
export const internshipPeriods = pgTable(
  'internship_periods',
  {
    id: id(),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    label: text('label'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('internship_periods_class_idx').on(t.classId)],
)
export type InternshipPeriod = typeof internshipPeriods.$inferSelect

// Professeurs principaux. A person with the main_teacher role sees the classes listed here.
export const classMainTeachers = pgTable(
  'class_main_teachers',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.userId] }),
    index('class_main_teachers_user_idx').on(t.userId),
  ],
)

// A pupil or student known to the establishment (imported from its information system or
// entered by staff). The account (users) is linked once they accept their invitation.
export const students = pgTable(
  'students',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    // Identifiant national élève (10 or 11 characters), the import's first match key.
    ine: text('ine'),
    // The student's own address (sign-in, invitation); the import's second match key.
    email: text('email'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    // Known → minor or not (parental consent is required for a minor).
    birthDate: date('birth_date', { mode: 'string' }),
    // The legal representative, when the import gives one (consent link).
    guardianName: text('guardian_name'),
    guardianEmail: text('guardian_email'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('students_establishment_ine_key')
      .on(t.establishmentId, t.ine)
      .where(sql`${t.ine} is not null`),
    uniqueIndex('students_establishment_email_key')
      .on(t.establishmentId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index('students_user_idx').on(t.userId),
  ],
)
export type Student = typeof students.$inferSelect
export type NewStudent = typeof students.$inferInsert

// Which class a student is in, one per school year (the primary key says so).
export const enrolments = pgTable(
  'enrolments',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.schoolYearId] }),
    foreignKey({
      name: 'enrolments_class_year_fk',
      columns: [t.classId, t.schoolYearId],
      foreignColumns: [classes.id, classes.schoolYearId],
    }).onDelete('cascade'),
    index('enrolments_class_idx').on(t.classId),
  ],
)
export type Enrolment = typeof enrolments.$inferSelect

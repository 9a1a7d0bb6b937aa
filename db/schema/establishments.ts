import { integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns'

// The shared organisation every domain hangs off: the school, its departments and the
// programmes it teaches. Admissions and internships both point here, never at each other.
export const establishments = pgTable('establishments', {
  id: id(),
  // Code UAI of the school (7 digits + 1 letter), unique nationally.
  uai: text('uai').notNull().unique(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  slug: text('slug').notNull().unique(),
  // How many applications (wishes) one candidate may submit in this establishment.
  maxApplicationsPerCandidate: integer('max_applications_per_candidate').notNull().default(20),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
export type Establishment = typeof establishments.$inferSelect
export type NewEstablishment = typeof establishments.$inferInsert

export const departments = pgTable(
  'departments',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('departments_establishment_name').on(t.establishmentId, t.name)],
)
export type Department = typeof departments.$inferSelect
export type NewDepartment = typeof departments.$inferInsert

export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    // Free label shown in the catalogue ("Bac+3", "CPGE"…).
    level: text('level'),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('programmes_establishment_name').on(t.establishmentId, t.name)],
)
export type Programme = typeof programmes.$inferSelect
export type NewProgramme = typeof programmes.$inferInsert

import { doublePrecision, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns'

export const establishmentKinds = ['college', 'lycee', 'superieur'] as const
export type EstablishmentKind = (typeof establishmentKinds)[number]

// The shared organisation every domain hangs off: the school, its departments and the
// programmes it teaches. Admissions and internships both point here, never at each other.
export const establishments = pgTable('establishments', {
  id: id(),
  // Code UAI of the school (7 digits + 1 letter), unique nationally.
  uai: text('uai').notNull().unique(),
  name: text('name').notNull(),
  // collège, lycée or higher education (lib/establishments/kinds.ts); null for older rows.
  kind: text('kind').$type<EstablishmentKind>(),
  address: text('address'),
  postcode: text('postcode'),
  city: text('city').notNull(),
  // WGS 84, for internship offers near the school (null until located).
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  // Storage key of the logo (PNG, JPEG or SVG checked by bytes), shown in the header.
  logoKey: text('logo_key'),
  // The staff's professional email domain(s), e.g. ac-toulouse.fr: a head registering must
  // give an address on one of them, and invitations outside them are flagged.
  emailDomains: text('email_domains').array().notNull().default([]),
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

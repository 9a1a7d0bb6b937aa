import { index, integer, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt, id, updatedAt } from './columns'

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

export const roles = ['admin', 'coordinator', 'reviewer', 'tutor', 'student'] as const
export type Role = (typeof roles)[number]
export const roleEnum = pgEnum('membership_role', roles)

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('memberships_user_establishment_role').on(t.userId, t.establishmentId, t.role), index('memberships_establishment_idx').on(t.establishmentId)],
)
export type Membership = typeof memberships.$inferSelect
export type NewMembership = typeof memberships.$inferInsert

import {
  bigserial,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt, id, updatedAt } from './columns'
import { establishments } from './establishments'

// A person's roles in one establishment (one membership row each):
// - head: the head of establishment (chef d'établissement), manages every role;
// - admin: the establishment's administrator (settings, members, audit, mail);
// - coordinator: coordinates admissions (campaigns, files, decisions);
// - internship_coordinator: runs internships (companies, offers, placements);
// - reviewer: examines the applications assigned to them;
// - main_teacher: professeur principal of given classes (class_main_teachers), collects consent;
// - tutor: teacher / school tutor of the students placed with them;
// - staff: other staff (CPE, librarian, psychologist, administration): the head's dashboard, read only;
// - student: a pupil or student of the establishment (students.user_id links the account).
export const roles = [
  'admin',
  'coordinator',
  'reviewer',
  'tutor',
  'student',
  'head',
  'internship_coordinator',
  'main_teacher',
  'staff',
] as const
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
  (t) => [
    unique('memberships_user_establishment_role').on(t.userId, t.establishmentId, t.role),
    index('memberships_establishment_idx').on(t.establishmentId),
  ],
)
export type Membership = typeof memberships.$inferSelect
export type NewMembership = typeof memberships.$inferInsert

export const noticeKinds = ['accessibility', 'legal', 'privacy'] as const
export type NoticeKind = (typeof noticeKinds)[number]
export const noticeKindEnum = pgEnum('establishment_notice_kind', noticeKinds)

// The establishment's own wording of a footer page (accessibility statement, legal notice,
// privacy notice). Without a row, the platform's default text is shown.
export const establishmentNotices = pgTable(
  'establishment_notices',
  {
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    kind: noticeKindEnum('kind').notNull(),
    body: text('body').notNull(),
    updatedByUserId: text('updated_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.kind] })],
)
export type EstablishmentNotice = typeof establishmentNotices.$inferSelect
export type NewEstablishmentNotice = typeof establishmentNotices.$inferInsert

// Events counted by the limits kept in the database (sign-in links per address and per IP,
// recommender invitations per application and per candidate, replacements per slot).
// A limit is "at most N events of `bucket` for `key` since T"; staff lift one by clearing its rows.
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('rate_limit_events_bucket_key_idx').on(t.bucket, t.key, t.createdAt)],
)
export type RateLimitEvent = typeof rateLimitEvents.$inferSelect

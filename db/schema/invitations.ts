import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt, id } from './columns'
import { establishments, type EstablishmentKind } from './establishments'
import { roleEnum } from './people'
import { schoolYears, students } from './school'

// An invitation to join an establishment with a role, sent by email as a magic link: random
// token stored hashed, expires, used once (accepted_at), revocable (revoked_at). Accepting it
// creates the membership (and, for a main teacher, their classes; for a student, links the
// account to the student record).
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    // For a main teacher: the classes they will be main teacher of.
    classIds: uuid('class_ids').array().notNull().default([]),
    // For a student: the record the account will be linked to.
    studentId: uuid('student_id').references(() => students.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    invitedByUserId: text('invited_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    acceptedByUserId: text('accepted_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_establishment_idx').on(t.establishmentId, t.createdAt),
    index('invitations_student_idx').on(t.studentId),
  ],
)
export type Invitation = typeof invitations.$inferSelect
export type NewInvitation = typeof invitations.$inferInsert

export const registrationStatuses = [
  'awaiting_email',
  'awaiting_approval',
  'approved',
  'rejected',
] as const
export type RegistrationStatus = (typeof registrationStatuses)[number]

// A head of establishment registering their school (seed 004): they pick the city and the
// school, give a professional address on the school's domain and confirm it through an
// emailed link; a platform operator then approves, which creates the establishment and makes
// them its head.
export const establishmentRegistrations = pgTable(
  'establishment_registrations',
  {
    id: id(),
    uai: text('uai').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<EstablishmentKind>(),
    address: text('address'),
    postcode: text('postcode'),
    city: text('city').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    emailDomain: text('email_domain').notNull(),
    headName: text('head_name').notNull(),
    headEmail: text('head_email').notNull(),
    status: text('status').$type<RegistrationStatus>().notNull().default('awaiting_email'),
    // The confirmation link's token (hashed) and its expiry.
    tokenHash: text('token_hash').unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true, mode: 'date' }),
    decidedByUserId: text('decided_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    rejectionReason: text('rejection_reason'),
    establishmentId: uuid('establishment_id').references(() => establishments.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [index('establishment_registrations_status_idx').on(t.status, t.createdAt)],
)
export type EstablishmentRegistration = typeof establishmentRegistrations.$inferSelect

export const studentImportStatuses = ['preview', 'applied', 'cancelled'] as const
export type StudentImportStatus = (typeof studentImportStatuses)[number]

// One upload of the school's student list. The parsed, valid rows and the row errors are
// kept as previewed, so confirming applies exactly what the person saw (all or nothing).
export const studentImports = pgTable(
  'student_imports',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    uploadedByUserId: text('uploaded_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    fileName: text('file_name').notNull(),
    status: text('status').$type<StudentImportStatus>().notNull().default('preview'),
    // Column mapping chosen (field → column header) and what it produced.
    mapping: jsonb('mapping').notNull(),
    rows: jsonb('rows').notNull(),
    errors: jsonb('errors').notNull(),
    summary: jsonb('summary'),
    createdAt: createdAt(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('student_imports_establishment_idx').on(t.establishmentId, t.createdAt)],
)
export type StudentImport = typeof studentImports.$inferSelect

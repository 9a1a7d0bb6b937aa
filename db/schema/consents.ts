import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt, id } from './columns'
import { students } from './school'

export const consentMethods = ['upload', 'link'] as const
export type ConsentMethod = (typeof consentMethods)[number]

// Parental consent for a minor to use the platform's student features (seed 004). A student
// has consent while one row has withdrawn_at null. Rows are never deleted: the history of who
// consented, how, when and from where stays (the signed form's file too).
export const parentalConsents = pgTable(
  'parental_consents',
  {
    id: id(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    method: text('method').$type<ConsentMethod>().notNull(),
    // 'upload': the signed paper form, stored (byte-checked) by the main teacher.
    documentKey: text('document_key'),
    documentName: text('document_name'),
    // 'link': what the legal representative confirmed through the emailed link.
    guardianName: text('guardian_name'),
    relationship: text('relationship'),
    guardianEmail: text('guardian_email'),
    ip: text('ip'),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByUserId: text('recorded_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnByUserId: text('withdrawn_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    // Who withdrew when it was not a member of staff ("représentant légal").
    withdrawnByLabel: text('withdrawn_by_label'),
    createdAt: createdAt(),
  },
  (t) => [
    index('parental_consents_student_idx').on(t.studentId),
    // At most one consent in force per student.
    uniqueIndex('parental_consents_in_force_key')
      .on(t.studentId)
      .where(sql`${t.withdrawnAt} is null`),
  ],
)
export type ParentalConsent = typeof parentalConsents.$inferSelect

// An emailed request to a legal representative: a magic link (hashed, expiring, for this
// student only) to a page where they confirm. Revoked when consent is withdrawn or a new
// request replaces it; reminders count here.
export const consentRequests = pgTable(
  'consent_requests',
  {
    id: id(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    guardianEmail: text('guardian_email').notNull(),
    guardianName: text('guardian_name'),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentByUserId: text('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    consentId: uuid('consent_id').references(() => parentalConsents.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('consent_requests_student_idx').on(t.studentId)],
)
export type ConsentRequest = typeof consentRequests.$inferSelect

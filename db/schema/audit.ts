import { index, jsonb, pgTable, text, uuid, bigserial } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt } from './columns'
import { establishments } from './establishments'

// Who did what to which object, with the state before and after.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    establishmentId: uuid('establishment_id').references(() => establishments.id, {
      onDelete: 'set null',
    }),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Free label for actors without an account (a recommender through a magic link, the system).
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_establishment_created_idx').on(t.establishmentId, t.createdAt),
  ],
)
export type AuditEntry = typeof auditLog.$inferSelect
export type NewAuditEntry = typeof auditLog.$inferInsert

import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { applications } from './applications'
import { createdAt, id, updatedAt } from './columns'
import { establishments } from './establishments'

// The establishment's list of motivations for an unfavourable decision.
export const decisionMotivations = pgTable(
  'decision_motivations',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('decision_motivations_establishment_idx').on(t.establishmentId)],
)
export type DecisionMotivation = typeof decisionMotivations.$inferSelect

export const decisionOutcomes = ['admitted', 'waitlisted', 'rejected'] as const
export type DecisionOutcome = (typeof decisionOutcomes)[number]
export const decisionOutcomeEnum = pgEnum('decision_outcome', decisionOutcomes)

// A commission decision: entered by one person, published (status change + email) by one
// who holds that right. At most one entered-but-unpublished decision per application.
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    outcome: decisionOutcomeEnum('outcome').notNull(),
    waitlistRank: integer('waitlist_rank'),
    motivationId: uuid('motivation_id').references(() => decisionMotivations.id, {
      onDelete: 'set null',
    }),
    motivationText: text('motivation_text'),
    enteredByUserId: text('entered_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    publishedByUserId: text('published_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    // The letter as sent, frozen at publication: editing the template later changes no past letter.
    letterSubject: text('letter_subject'),
    letterBody: text('letter_body'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('decisions_one_pending_per_application')
      .on(t.applicationId)
      .where(sql`${t.publishedAt} is null`),
    index('decisions_application_idx').on(t.applicationId, t.createdAt),
  ],
)
export type Decision = typeof decisions.$inferSelect
export type NewDecision = typeof decisions.$inferInsert

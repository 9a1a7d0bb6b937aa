import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { admissionCampaigns } from './admissions'
import { applications } from './applications'
import { createdAt, id, updatedAt } from './columns'

// One line of a campaign's review grid: "Résultats scolaires" scored 0..20, weight 2.
export const reviewCriteria = pgTable(
  'review_criteria',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    scaleMax: integer('scale_max').notNull().default(20),
    weight: numeric('weight', { precision: 5, scale: 2, mode: 'number' }).notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('review_criteria_campaign_idx').on(t.campaignId, t.position),
    check('review_criteria_scale', sql`${t.scaleMax} between 1 and 100`),
    check('review_criteria_weight', sql`${t.weight} > 0 and ${t.weight} <= 100`),
  ],
)
export type ReviewCriterion = typeof reviewCriteria.$inferSelect
export type NewReviewCriterion = typeof reviewCriteria.$inferInsert

// A reviewer in charge of one application; their comment and when they finished scoring.
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reviewerUserId: text('reviewer_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedByUserId: text('assigned_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    comment: text('comment'),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    // When the reviewer was reminded of this file: once per assignment, never again.
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('review_assignments_application_reviewer').on(t.applicationId, t.reviewerUserId),
    index('review_assignments_reviewer_idx').on(t.reviewerUserId),
  ],
)
export type ReviewAssignment = typeof reviewAssignments.$inferSelect
export type NewReviewAssignment = typeof reviewAssignments.$inferInsert

export const reviewScores = pgTable(
  'review_scores',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => reviewCriteria.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('review_scores_assignment_criterion').on(t.assignmentId, t.criterionId),
    check('review_scores_non_negative', sql`${t.score} >= 0`),
  ],
)
export type ReviewScore = typeof reviewScores.$inferSelect

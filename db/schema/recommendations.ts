import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns'
import { admissionCampaigns } from './admissions'
import { applications } from './applications'
import { emailOutbox } from './mail'
import { establishments } from './establishments'

export const questionKinds = ['text', 'scale'] as const
export type QuestionKind = (typeof questionKinds)[number]
export const questionKindEnum = pgEnum('recommendation_question_kind', questionKinds)

// The campaign's recommendation form: free-text questions and rating-scale items, in order.
export const recommendationQuestions = pgTable(
  'recommendation_questions',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id, { onDelete: 'cascade' }),
    kind: questionKindEnum('kind').notNull(),
    label: text('label').notNull(),
    help: text('help'),
    position: integer('position').notNull(),
    required: boolean('required').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('recommendation_questions_campaign_idx').on(t.campaignId, t.position)],
)
export type RecommendationQuestion = typeof recommendationQuestions.$inferSelect
export type NewRecommendationQuestion = typeof recommendationQuestions.$inferInsert

export const requestStatuses = [
  'invited',
  'opened',
  'received',
  'declined',
  'bounced',
  'revoked',
] as const
export type RequestStatus = (typeof requestStatuses)[number]
export const requestStatusEnum = pgEnum('recommendation_request_status', requestStatuses)

// One recommender asked for one application. Its magic link opens only this request.
export const recommendationRequests = pgTable(
  'recommendation_requests',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    // Which of the candidate's recommenders (0-based); a replacement takes the same slot.
    slot: integer('slot').notNull(),
    recommenderName: text('recommender_name').notNull(),
    recommenderPosition: text('recommender_position').notNull(),
    recommenderEmail: text('recommender_email').notNull(),
    status: requestStatusEnum('status').notNull().default('invited'),
    // Every link of this request stops working then: the campaign's recommendation deadline.
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    invitationEmailId: uuid('invitation_email_id').references(() => emailOutbox.id, {
      onDelete: 'set null',
    }),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
    declineReason: text('decline_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    bouncedAt: timestamp('bounced_at', { withTimezone: true, mode: 'date' }),
    resendCount: integer('resend_count').notNull().default(0),
    lastResentAt: timestamp('last_resent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // At most one live request per slot: replacing revokes the previous one first.
    uniqueIndex('recommendation_requests_live_slot')
      .on(t.applicationId, t.slot)
      .where(sql`status <> 'revoked'`),
    index('recommendation_requests_application_idx').on(t.applicationId),
    index('recommendation_requests_email_idx').on(t.invitationEmailId),
    // The reminder scan: unanswered requests by deadline.
    index('recommendation_requests_status_expiry_idx').on(t.status, t.expiresAt),
  ],
)
export type RecommendationRequest = typeof recommendationRequests.$inferSelect
export type NewRecommendationRequest = typeof recommendationRequests.$inferInsert

export const linkKinds = ['invitation', 'reminder', 'resend'] as const
export type LinkKind = (typeof linkKinds)[number]

// A magic link to one request. Each email (invitation, reminder, resend) carries its own
// link; only the SHA-256 of its token is stored, so a reminder can be sent without keeping
// any earlier token. All links of a request die with it (deadline, revocation).
export const recommendationLinks = pgTable(
  'recommendation_links',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => recommendationRequests.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<LinkKind>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    emailId: uuid('email_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('recommendation_links_request_idx').on(t.requestId),
    index('recommendation_links_email_idx').on(t.emailId),
  ],
)
export type RecommendationLink = typeof recommendationLinks.$inferSelect

export const opinions = ['tres_favorable', 'favorable', 'reserve'] as const
export type Opinion = (typeof opinions)[number]

export type RecommendationAnswer = {
  questionId: string
  kind: QuestionKind
  label: string
  value: string
}

// The recommender's answers. A row with submitted_at null is an autosaved draft; submission
// freezes it with a content hash and a public verification code.
export const recommendations = pgTable(
  'recommendations',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => recommendationRequests.id, { onDelete: 'cascade' }),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    answers: jsonb('answers')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    // Frozen copy of questions and answers at submission, what the hash covers.
    submittedAnswers: jsonb('submitted_answers').$type<RecommendationAnswer[]>(),
    opinion: text('opinion').$type<Opinion>(),
    phone: text('phone'),
    phoneConfirmed: boolean('phone_confirmed').notNull().default(false),
    certified: boolean('certified').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    contentHash: text('content_hash'),
    verificationCode: text('verification_code').unique(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    // Which emailed link the recommender submitted through (authenticity block).
    linkId: uuid('link_id').references(() => recommendationLinks.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('recommendations_request').on(t.requestId)],
)
export type Recommendation = typeof recommendations.$inferSelect
export type NewRecommendation = typeof recommendations.$inferInsert

// A 6-digit code texted to the recommender's phone (when an SMS provider is configured).
export const phoneVerifications = pgTable(
  'phone_verifications',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => recommendationRequests.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('phone_verifications_request_idx').on(t.requestId, t.createdAt)],
)
export type PhoneVerification = typeof phoneVerifications.$inferSelect

// Provider webhooks already handled (Svix message id), so a redelivery changes nothing.
export const webhookEvents = pgTable('webhook_events', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  receivedAt: createdAt(),
})
export type WebhookEvent = typeof webhookEvents.$inferSelect

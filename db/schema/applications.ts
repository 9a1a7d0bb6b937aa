import { sql } from 'drizzle-orm'
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { createdAt, id, updatedAt } from './columns'
import { admissionCampaigns } from './admissions'
import { establishments } from './establishments'

// The states of lib/admissions/application-status.ts (its state machine is the only way
// to change them).
export const applicationStatuses = [
  'draft',
  'submitted',
  'withdrawn',
  'incomplete',
  'complete',
  'under_review',
  'admitted',
  'waitlisted',
  'rejected',
  'confirmed',
  'auto_withdrawn',
] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]
export const applicationStatusEnum = pgEnum('application_status', applicationStatuses)

export type DraftRecommender = { name?: string; position?: string; email?: string }

// A candidate's file for one campaign. Fields are nullable while it is a draft; submission
// validates them all (lib/admissions/schemas.ts).
export const applications = pgTable(
  'applications',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id, { onDelete: 'cascade' }),
    candidateUserId: text('candidate_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: applicationStatusEnum('status').notNull().default('draft'),
    email: text('email').notNull(),
    civility: text('civility'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    phone: text('phone'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country'),
    diploma: text('diploma'),
    currentEstablishment: text('current_establishment'),
    specialty: text('specialty'),
    graduationYear: integer('graduation_year'),
    motivation: text('motivation'),
    draftRecommenders: jsonb('draft_recommenders')
      .$type<DraftRecommender[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Lower-case, accent-free names and email, for staff search.
    searchText: text('search_text').notNull().default(''),
    // Counts of this file's recommendation requests, received and live (not revoked), kept by
    // triggers on recommendation_requests (migration 0010) whoever writes them: the staff
    // table sorts and filters on them without counting per row.
    receivedRecommendations: integer('received_recommendations').notNull().default(0),
    requestedRecommendations: integer('requested_recommendations').notNull().default(0),
    // The campaign's admission_campaigns.required_recommendations, copied by triggers (same
    // migration), so that "recommandations complètes" compares two columns of one index entry.
    requiredRecommendations: integer('required_recommendations').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    // Published decision: rank on the waiting list, and the date by which an admitted
    // candidate confirms or withdraws.
    waitlistRank: integer('waitlist_rank'),
    responseDeadline: timestamp('response_deadline', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One application per candidate per campaign.
    unique('applications_campaign_candidate').on(t.campaignId, t.candidateUserId),
    index('applications_establishment_status_idx').on(t.establishmentId, t.status, t.submittedAt),
    index('applications_candidate_idx').on(t.candidateUserId),
    index('applications_campaign_status_idx').on(t.campaignId, t.status, t.waitlistRank),
    // Keyset pagination of exports (id order within a campaign or an establishment).
    index('applications_campaign_id_idx').on(t.campaignId, t.id),
    index('applications_establishment_id_idx').on(t.establishmentId, t.id),
    // The staff table (lib/admissions/staff-applications.ts): one index per sort, ending with
    // the columns its filters read, so that a deep page skips index entries, not rows.
    index('applications_staff_submitted_idx').on(
      t.establishmentId,
      t.submittedAt,
      t.id,
      t.status,
      t.campaignId,
    ),
    index('applications_staff_name_idx').on(
      t.establishmentId,
      sql`lower(${t.lastName})`,
      t.id,
      t.lastName,
      t.status,
      t.campaignId,
    ),
    index('applications_staff_status_idx').on(t.establishmentId, t.status, t.id, t.campaignId),
    index('applications_staff_received_idx').on(
      t.establishmentId,
      t.receivedRecommendations,
      t.id,
      t.status,
      t.campaignId,
    ),
    // Its counts: few distinct keys, so deduplicated entries, small enough to count 100,000
    // files quickly; the recommendation filters have theirs, holding only their files.
    index('applications_staff_count_idx').on(t.establishmentId, t.status, t.campaignId),
    index('applications_staff_complete_idx')
      .on(t.establishmentId, t.status, t.campaignId)
      .where(sql`${t.receivedRecommendations} >= ${t.requiredRecommendations}`),
    index('applications_staff_incomplete_idx')
      .on(t.establishmentId, t.status, t.campaignId)
      .where(sql`${t.receivedRecommendations} < ${t.requiredRecommendations}`),
    // Staff search of a name or an email fragment (LIKE '%…%').
    index('applications_search_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
)
export type Application = typeof applications.$inferSelect
export type NewApplication = typeof applications.$inferInsert

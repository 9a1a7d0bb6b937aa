import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
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

// A supporting document a campaign asks for ("Relevés de notes de première et terminale"…).
export const campaignDocuments = pgTable(
  'campaign_documents',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => admissionCampaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    helpText: text('help_text'),
    // Subset of lib/storage/document-formats.ts documentFormats.
    formats: text('formats')
      .array()
      .notNull()
      .default(sql`array['pdf','jpeg','png']::text[]`),
    maxBytes: integer('max_bytes')
      .notNull()
      .default(5 * 1024 * 1024),
    required: boolean('required').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('campaign_documents_campaign_idx').on(t.campaignId, t.position),
    check('campaign_documents_max_bytes', sql`${t.maxBytes} between 1024 and 52428800`),
  ],
)
export type CampaignDocument = typeof campaignDocuments.$inferSelect
export type NewCampaignDocument = typeof campaignDocuments.$inferInsert

export const documentStatuses = ['pending', 'valid', 'refused'] as const
export type DocumentStatus = (typeof documentStatuses)[number]
export const documentStatusEnum = pgEnum('document_status', documentStatuses)

// The file a candidate gave for one requested document. Replacing it replaces the row's
// file (the old one is deleted from storage) and resets the verdict.
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    campaignDocumentId: uuid('campaign_document_id')
      .notNull()
      .references(() => campaignDocuments.id, { onDelete: 'cascade' }),
    // Generated storage key; never derived from what the candidate typed.
    storageKey: text('storage_key').notNull().unique(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    status: documentStatusEnum('status').notNull().default('pending'),
    refusalReason: text('refusal_reason'),
    reviewedByUserId: text('reviewed_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('application_documents_one_per_requirement').on(t.applicationId, t.campaignDocumentId),
  ],
)
export type ApplicationDocument = typeof applicationDocuments.$inferSelect
export type NewApplicationDocument = typeof applicationDocuments.$inferInsert

import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns'
import { establishments, programmes } from './establishments'

export const admissionCampaigns = pgTable(
  'admission_campaigns',
  {
    id: id(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description'),
    opensAt: timestamp('opens_at', { withTimezone: true, mode: 'date' }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true, mode: 'date' }).notNull(),
    requiredRecommendations: integer('required_recommendations').notNull().default(2),
    recommendationDeadline: timestamp('recommendation_deadline', {
      withTimezone: true,
      mode: 'date',
    }).notNull(),
    // An admitted candidate answers by this date, or within N days of the decision.
    responseDeadline: timestamp('response_deadline', { withTimezone: true, mode: 'date' }),
    responseDays: integer('response_days').notNull().default(7),
    // Editable decision email (placeholders {prenom}, {nom}, {formation}, {decision}, {motivation}, {date_reponse}).
    decisionEmailSubject: text('decision_email_subject'),
    decisionEmailBody: text('decision_email_body'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('admission_campaigns_establishment_idx').on(t.establishmentId),
    check('admission_campaigns_dates', sql`${t.closesAt} > ${t.opensAt}`),
    check('admission_campaigns_recommendations', sql`${t.requiredRecommendations} between 0 and 5`),
    check('admission_campaigns_response_days', sql`${t.responseDays} between 1 and 60`),
  ],
)
export type AdmissionCampaign = typeof admissionCampaigns.$inferSelect
export type NewAdmissionCampaign = typeof admissionCampaigns.$inferInsert

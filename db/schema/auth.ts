import type { AdapterAccountType } from 'next-auth/adapters'
import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { establishments } from './establishments'

// Tables used by Auth.js (@auth/drizzle-adapter). Property names are the adapter's,
// column names are ours (snake_case).
export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
  image: text('image'),
  // Operators of the platform itself (create and approve establishments); granted by
  // `npm run platform -- admin <email>`, never through the interface.
  platformAdmin: boolean('platform_admin').notNull().default(false),
  createdAt: createdAt(),
})
export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<AdapterAccountType>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
)

export const sessions = pgTable('sessions', {
  sessionToken: text('session_token').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  // The establishment a person with several memberships chose to work in (header switcher).
  // Null: their first establishment. Every authorization check is given it explicitly.
  activeEstablishmentId: uuid('active_establishment_id').references(() => establishments.id, {
    onDelete: 'set null',
  }),
  // Staff sessions end 12 h after sign-in or after 30 min without a request (lib/auth/session-limits.ts).
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow(),
  // When the second factor (TOTP or a recovery code) was checked in this session; null: not yet.
  secondFactorAt: timestamp('second_factor_at', { withTimezone: true, mode: 'date' }),
})

// Optional two-factor authentication (TOTP, RFC 6238) for heads and admins. The secret is
// encrypted with a key derived from AUTH_SECRET; recovery codes are stored hashed, each used once.
export const userTwoFactor = pgTable('user_two_factor', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  // Null while being set up (the person has not yet entered a first valid code).
  enabledAt: timestamp('enabled_at', { withTimezone: true, mode: 'date' }),
  recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default([]),
  // The last time step accepted, so one code cannot be replayed.
  lastUsedStep: integer('last_used_step'),
  createdAt: createdAt(),
})

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
)

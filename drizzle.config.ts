import { defineConfig } from 'drizzle-kit'

// `drizzle-kit generate` needs no database. Commands that do (studio, check) get
// DATABASE_URL from `npm run db:kit -- <command>`, which finds or starts the embedded one.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  strict: true,
  verbose: false,
})

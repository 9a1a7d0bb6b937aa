import path from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'

export const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? 'db/migrations')

/** Applies the committed drizzle-kit migrations; the same SQL on PGlite and Postgres. */
export async function migrateDatabase(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder })
  } finally {
    await pool.end()
  }
}

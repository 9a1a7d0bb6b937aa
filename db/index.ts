import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as schema from './schema'

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool }
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Either the database or an open transaction: lib functions accept both. */
export type Executor = Database | Transaction

// Timestamps come back as Date (timestamptz) and bigint counts as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

let instance: Database | undefined

function connect(): Database {
  const url = process.env.DATABASE_URL
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide the embedded database.',
    )
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  })
  return drizzle({ client: pool, schema })
}

/** The client is created on first use, so `next build` never needs a database. */
export function getDb(): Database {
  instance ??= connect()
  return instance
}

export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDb()
    const value = Reflect.get(real, property, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

export async function closeDb() {
  if (!instance) return
  const pool = instance.$client
  instance = undefined
  await pool.end()
}

export { schema }

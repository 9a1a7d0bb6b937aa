// `npm run db:migrate`, `npm run db:seed`, `npm run db:kit -- <drizzle-kit command>`:
// against DATABASE_URL, or the embedded database (the running app's, or one started here).
import { spawn } from 'node:child_process'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { ensureDatabaseUrl } from '../db/embedded'
import { migrateDatabase } from '../db/migrate'
import * as schema from '../db/schema'
import { seedDemoData } from '../db/seed'

const [command, ...rest] = process.argv.slice(2)
const database = await ensureDatabaseUrl()
let exitCode = 0
try {
  if (command === 'migrate') {
    await migrateDatabase(database.url)
    console.log('Migrations appliquées.')
  } else if (command === 'seed') {
    await migrateDatabase(database.url)
    const pool = new pg.Pool({ connectionString: database.url, max: 1 })
    await seedDemoData(drizzle({ client: pool, schema }))
    await pool.end()
    console.log('Données de démonstration en place.')
  } else if (command === 'kit') {
    exitCode = await new Promise<number>((resolve) => {
      const child = spawn('npx', ['drizzle-kit', ...rest], {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: database.url },
      })
      child.on('exit', (code) => resolve(code ?? 1))
    })
  } else {
    console.error('Usage: tsx scripts/db.ts migrate|seed|kit …')
    exitCode = 2
  }
} finally {
  await database.stop()
}
process.exit(exitCode)

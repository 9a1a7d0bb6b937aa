// `npm run dev` / `npm start`: find or start the database (DATABASE_URL, else embedded
// PGlite under .data/), apply migrations, seed demo data on an empty development database,
// then run Next.js with everything it needs in its environment.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { dataRoot, ensureDatabaseUrl } from '../db/embedded'
import { migrateDatabase } from '../db/migrate'
import * as schema from '../db/schema'
import { isDatabaseEmpty, seedDemoData } from '../db/seed'
import { loadDevSecrets, missingProductionSettings } from '../lib/config/settings'

const mode = process.argv[2] === 'start' ? 'start' : 'dev'
const nextArgs = process.argv.slice(3)
const env: NodeJS.ProcessEnv = { ...process.env }

if (mode === 'dev') {
  const secrets = loadDevSecrets(dataRoot())
  env.AUTH_SECRET ??= secrets.AUTH_SECRET
  env.CRON_SECRET ??= secrets.CRON_SECRET
} else {
  const missing = missingProductionSettings(env)
  if (missing.length > 0) {
    console.error(
      `Tremplin ne démarre pas : paramètres manquants — ${missing.join(', ')}.\nVoir le tableau de configuration du README.`,
    )
    process.exit(1)
  }
}

const database = await ensureDatabaseUrl()
env.DATABASE_URL = database.url
await migrateDatabase(database.url)
console.log(
  `Base de données prête (${database.embedded ? 'PGlite embarquée' : 'PostgreSQL'}), migrations appliquées.`,
)

if (mode === 'dev' || env.SEED_DEMO_DATA === '1') {
  const pool = new pg.Pool({ connectionString: database.url, max: 1 })
  const db = drizzle({ client: pool, schema })
  if (await isDatabaseEmpty(db)) {
    await seedDemoData(db)
    console.log('Données de démonstration créées (Lycée Ozenne).')
  }
  await pool.end()
}

const child = spawn(
  process.execPath,
  [path.resolve('node_modules/next/dist/bin/next'), mode, ...nextArgs],
  { stdio: 'inherit', env },
)
const shutdown = (signal: NodeJS.Signals) => child.kill(signal)
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
child.on('exit', async (code) => {
  await database.stop().catch(() => {})
  process.exit(code ?? 0)
})

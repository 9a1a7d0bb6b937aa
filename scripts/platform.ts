// `npm run platform -- admin <email>`: makes an address a platform operator (account created
// if needed). `npm run platform -- create-establishment --uai 0310036W --name "…" --city
// Toulouse [--postcode 31000] [--kind college|lycee|superieur] [--address "…"] [--domains
// a.fr,b.fr] [--lat 43.6 --lon 1.44] [--head chef@a.fr]`: creates an establishment and, with
// --head, invites its head. Against DATABASE_URL or the embedded database, like scripts/db.ts.
import { parseArgs } from 'node:util'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { ensureDatabaseUrl } from '../db/embedded'
import type { Database } from '../db/index'
import { migrateDatabase } from '../db/migrate'
import * as schema from '../db/schema'
import { communesNamed } from '../lib/establishments/communes'
import { createEstablishment, grantPlatformAdmin } from '../lib/establishments/creation'
import { newEstablishmentSchema } from '../lib/establishments/schemas'
import { UserFacingError } from '../lib/errors'

const usage = `Usage :
  npm run platform -- admin <email>
  npm run platform -- create-establishment --uai <UAI> --name <nom> --city <commune>
      [--postcode <code>] [--kind college|lycee|superieur] [--address <adresse>]
      [--domains <a.fr,b.fr>] [--lat <latitude> --lon <longitude>] [--head <email>]`

class CommandError extends Error {}

async function createFromArguments(db: Database, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      uai: { type: 'string' },
      name: { type: 'string' },
      city: { type: 'string' },
      postcode: { type: 'string' },
      kind: { type: 'string' },
      address: { type: 'string' },
      domains: { type: 'string' },
      lat: { type: 'string' },
      lon: { type: 'string' },
      head: { type: 'string' },
    },
  })
  let postcode = values.postcode
  if (!postcode && values.city) {
    // One commune of that name: its (first) postcode; several: the person chooses.
    const found = communesNamed(values.city)
    if (found.length === 1) postcode = found[0]!.postcode
    else if (found.length > 1)
      throw new CommandError(
        `Plusieurs communes s’appellent « ${values.city} » : précisez --postcode (${found
          .slice(0, 10)
          .map((c) => `${c.postcode} ${c.name} (${c.departement})`)
          .join(', ')}).`,
      )
  }
  const parsed = newEstablishmentSchema.safeParse({
    uai: values.uai ?? '',
    name: values.name ?? '',
    city: values.city ?? '',
    postcode: postcode ?? '',
    kind: values.kind ?? 'lycee',
    address: values.address ?? '',
    emailDomains: values.domains ?? '',
    latitude: values.lat ?? '',
    longitude: values.lon ?? '',
    headEmail: values.head ?? '',
  })
  if (!parsed.success)
    throw new CommandError(parsed.error.issues.map((issue) => `- ${issue.message}`).join('\n'))
  const created = await createEstablishment(db, parsed.data, {
    userId: null,
    label: 'npm run platform',
  })
  console.log(`Établissement créé : ${parsed.data.name} (${parsed.data.uai}), /${created.slug}.`)
  if (created.invitationId)
    console.log(`Invitation envoyée au chef d’établissement : ${parsed.data.headEmail}.`)
}

const [command, ...rest] = process.argv.slice(2)
if (command !== 'admin' && command !== 'create-establishment') {
  console.error(usage)
  process.exit(2)
}
const database = await ensureDatabaseUrl()
const pool = new pg.Pool({ connectionString: database.url, max: 1 })
let exitCode = 0
try {
  await migrateDatabase(database.url)
  const db = drizzle({ client: pool, schema }) as Database
  if (command === 'admin') {
    const email = rest[0]?.trim()
    if (!email || !email.includes('@')) throw new CommandError(usage)
    const granted = await grantPlatformAdmin(db, email)
    console.log(
      granted.alreadyAdmin
        ? `${granted.email} administrait déjà la plateforme.`
        : `${granted.email} administre désormais la plateforme (/plateforme).`,
    )
  } else {
    await createFromArguments(db, rest)
  }
} catch (error) {
  if (error instanceof CommandError || error instanceof UserFacingError) {
    const fields = error instanceof UserFacingError ? Object.values(error.fieldErrors).flat() : []
    console.error([error.message, ...fields.map((m) => `- ${m}`)].join('\n'))
    exitCode = 1
  } else throw error
} finally {
  await pool.end()
  await database.stop()
}
process.exit(exitCode)

import { readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

// Tests read what the app sent from its outbox, as the dispatcher would.
let pool: pg.Pool | undefined

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  const state = JSON.parse(readFileSync(path.join('.data/e2e', 'pglite.json'), 'utf8')) as {
    port: number
  }
  return `postgres://postgres:postgres@127.0.0.1:${state.port}/postgres`
}

export function testDb(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 2 })
  return pool
}

export type SentEmail = {
  id: string
  to_address: string
  subject: string
  html: string
  text: string
  status: string
  template: string
  created_at: Date
}

export async function emailsTo(address: string): Promise<SentEmail[]> {
  const { rows } = await testDb().query<SentEmail>(
    'select * from email_outbox where to_address = $1 order by created_at desc',
    [address.toLowerCase()],
  )
  return rows
}

/** The ids of the emails an address has received so far (to wait for the next one). */
export async function emailIdsTo(address: string): Promise<Set<string>> {
  return new Set((await emailsTo(address)).map((e) => e.id))
}

/** Waits for the newest email to `address` (not among `excludeIds`, created after `since`, matching `subject`). */
export async function waitForEmail(
  address: string,
  options: { since?: Date; excludeIds?: Set<string>; subject?: RegExp; timeoutMs?: number } = {},
): Promise<SentEmail> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  for (;;) {
    const found = (await emailsTo(address)).find(
      (e) =>
        !options.excludeIds?.has(e.id) &&
        (!options.since || e.created_at >= options.since) &&
        (!options.subject || options.subject.test(e.subject)),
    )
    if (found) return found
    if (Date.now() > deadline)
      throw new Error(`No email to ${address} matching ${options.subject ?? 'anything'}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export function linkIn(email: SentEmail, pathPrefix: string): string {
  const match = email.text.match(
    new RegExp(`https?://[^\\s\\]]+${pathPrefix.replace(/[/]/g, '\\/')}[^\\s\\]]*`),
  )
  if (!match) throw new Error(`No link to ${pathPrefix} in email "${email.subject}"`)
  return match[0]
}

import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startEmbeddedServer } from '../embedded'
import { migrateDatabase } from '../migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}

// Integration tests start from a clean database each run: an in-memory PGlite by default,
// or a fresh database on the Postgres server named by DATABASE_URL (dropped afterwards).
export default async function setup(project: TestProject) {
  let url: string
  let teardown: () => Promise<void>
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL)
    const name = `tremplin_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
    const client = new pg.Client({ connectionString: admin.toString() })
    await client.connect()
    await client.query(`create database ${name}`)
    await client.end()
    const target = new URL(admin)
    target.pathname = `/${name}`
    url = target.toString()
    teardown = async () => {
      const c = new pg.Client({ connectionString: admin.toString() })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  } else {
    const server = await startEmbeddedServer({ memory: true })
    url = server.url
    teardown = server.stop
  }
  await migrateDatabase(url)
  project.provide('databaseUrl', url)
  return teardown
}

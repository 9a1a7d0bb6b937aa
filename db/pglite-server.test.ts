import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPGliteServer, type PGliteServer } from './pglite-server'

// PGlite is one session; the server shares it between connections. These tests hammer it
// the way the app does (many pooled connections, parameterised queries, transactions).
let pglite: PGlite
let server: PGliteServer
let pool: pg.Pool

beforeAll(async () => {
  pglite = await PGlite.create()
  server = await startPGliteServer(pglite)
  pool = new pg.Pool({ connectionString: server.url, max: 16 })
  await pool.query(
    'create table items (id serial primary key, n int not null, label text not null unique)',
  )
})

afterAll(async () => {
  await pool.end()
  await server.stop()
  await pglite.close()
})

describe('embedded database server', () => {
  it('never mixes two connections’ statements (different parameter counts at once)', async () => {
    const queries = Array.from({ length: 600 }, (_, i) => {
      const arity = (i % 12) + 1
      const params = Array.from({ length: arity }, (_, k) => i * 100 + k)
      // Long statements arrive in several TCP chunks: the case that mixed clients' messages.
      const padding = i % 3 === 0 ? `/* ${'x'.repeat(70_000)} */ ` : ''
      const sql = `${padding}select ${params.map((_, k) => `$${k + 1}::int`).join(' + ')} as total`
      return pool
        .query(sql, params)
        .then((r) => expect(r.rows[0].total).toBe(params.reduce((a, b) => a + b, 0)))
    })
    await Promise.all(queries)
  })

  it('isolates transactions: a rolled-back one leaves nothing, a committed one everything', async () => {
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const client = await pool.connect()
        try {
          await client.query('begin')
          await client.query('insert into items (n, label) values ($1, $2)', [i, `tx-${i}`])
          await new Promise((r) => setTimeout(r, Math.random() * 3))
          await client.query('insert into items (n, label) values ($1, $2)', [i, `tx-${i}-bis`])
          await client.query(i % 3 === 0 ? 'rollback' : 'commit')
        } finally {
          client.release()
        }
      }),
    )
    const { rows } = await pool.query<{ n: number }>(
      "select count(*)::int as n from items where label like 'tx-%'",
    )
    expect(rows[0]!.n).toBe(80)
  })

  it('rolls back the transaction of a client that disconnects in the middle', async () => {
    const client = new pg.Client({ connectionString: server.url })
    await client.connect()
    await client.query('begin')
    await client.query("insert into items (n, label) values (1, 'orphan')")
    await client.end()
    const { rows } = await pool.query("select count(*)::int as n from items where label = 'orphan'")
    expect(rows[0].n).toBe(0)
    // and the database is free for everyone else
    await expect(pool.query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] })
  })

  it('reports errors to the one client that caused them', async () => {
    const [bad, good] = await Promise.allSettled([
      pool.query('select * from missing_table where id = $1', [1]),
      pool.query('select $1::text as v', ['ok']),
    ])
    expect(bad.status).toBe('rejected')
    expect(good.status === 'fulfilled' && good.value.rows[0].v).toBe('ok')
  })
})

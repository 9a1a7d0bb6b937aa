import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import path from 'node:path'

// The embedded database: PGlite (Postgres compiled to WASM) served over a local TCP socket
// (db/pglite-server.ts),
// so the app, the seed script and drizzle-kit all speak `pg` to it, even side by side.
// One process owns the data directory; the others find it through `.data/pglite.json`.

export const dataRoot = () => path.resolve(process.env.DATA_DIR ?? '.data')
const stateFile = () => path.join(dataRoot(), 'pglite.json')

type EmbeddedState = { pid: number; port: number; dataDir: string }

export type EmbeddedServer = { url: string; stop: () => Promise<void> }

const urlFor = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.setTimeout(1000, () => {
      socket.destroy()
      resolve(false)
    })
  })
}

/** The URL of an embedded server another process is already running, if any. */
export async function findRunningEmbeddedServer(): Promise<string | undefined> {
  if (!existsSync(stateFile())) return undefined
  try {
    const state = JSON.parse(readFileSync(stateFile(), 'utf8')) as EmbeddedState
    process.kill(state.pid, 0) // throws when the owner is gone
    if (await portIsOpen(state.port)) return urlFor(state.port)
  } catch {
    // stale state file: its owner died
  }
  return undefined
}

/**
 * Starts PGlite on `dataDir` (in memory when `memory` is set) and serves it on a free
 * local port. `publish` writes the state file so other processes can connect.
 */
export async function startEmbeddedServer(
  options: { dataDir?: string; memory?: boolean; publish?: boolean } = {},
): Promise<EmbeddedServer> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const { startPGliteServer } = await import('./pglite-server')
  const dataDir = options.dataDir ?? path.join(dataRoot(), 'pglite')
  if (!options.memory) mkdirSync(dataDir, { recursive: true })
  // pg_trgm backs the staff search's index (migration 0010): the same SQL as on PostgreSQL.
  const pglite = await PGlite.create(options.memory ? undefined : dataDir, {
    extensions: { pg_trgm },
  })
  const server = await startPGliteServer(pglite)
  const port = server.port
  if (options.publish) {
    mkdirSync(dataRoot(), { recursive: true })
    writeFileSync(
      stateFile(),
      JSON.stringify({ pid: process.pid, port, dataDir } satisfies EmbeddedState),
    )
  }
  let stopped = false
  return {
    url: urlFor(port),
    stop: async () => {
      if (stopped) return
      stopped = true
      if (options.publish) rmSync(stateFile(), { force: true })
      await server.stop()
      await pglite.close()
    },
  }
}

/**
 * DATABASE_URL when set; else the embedded server already running; else a new one owned
 * by this process (stop it before exiting).
 */
export async function ensureDatabaseUrl(): Promise<{
  url: string
  embedded: boolean
  stop: () => Promise<void>
}> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  const running = await findRunningEmbeddedServer()
  if (running) return { url: running, embedded: true, stop: async () => {} }
  // EMBEDDED_DATABASE=memory: a throwaway database (end-to-end tests), gone when the process stops.
  const server = await startEmbeddedServer({
    publish: true,
    memory: process.env.EMBEDDED_DATABASE === 'memory',
  })
  return { url: server.url, embedded: true, stop: server.stop }
}

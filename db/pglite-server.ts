import { createServer, type Socket } from 'node:net'
import type { PGlite } from '@electric-sql/pglite'

// PGlite is a single Postgres session. This server shares it between TCP clients speaking
// the Postgres wire protocol (the app's pool, the seed script, drizzle-kit, tests), with
// two rules that keep each client's view consistent:
// - an extended-query cycle (Parse, Bind, Describe, Execute … up to Sync) or a simple
//   Query runs as one unit: another client's statement can never land in the middle and
//   take over the session's unnamed statement;
// - while a client is inside a transaction, the session is its alone until it ends.
// (@electric-sql/pglite-socket multiplexes message by message, which interleaves those
// cycles under load: "bind message supplies 12 parameters, but prepared statement requires 3".)

const SSL_REQUEST = 80877103
const GSSENC_REQUEST = 80877104
const CANCEL_REQUEST = 80877102
const PROTOCOL_3 = 196608

// Messages that end a unit of work: Sync, simple Query, Flush (a client may wait on it).
const UNIT_END = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0), 'H'.charCodeAt(0)])
const SYNC_OR_QUERY = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0)])
const TERMINATE = 'X'.charCodeAt(0)

export type PGliteServer = { url: string; port: number; stop: () => Promise<void> }

export async function startPGliteServer(
  db: PGlite,
  options: { host?: string; port?: number } = {},
): Promise<PGliteServer> {
  let owner: number | null = null
  let waiters: (() => void)[] = []
  let nextId = 1
  const sockets = new Set<Socket>()

  async function acquire(id: number) {
    while (owner !== null && owner !== id)
      await new Promise<void>((resolve) => waiters.push(resolve))
    owner = id
  }
  function release(id: number) {
    if (owner !== id || db.isInTransaction()) return
    owner = null
    const woken = waiters
    waiters = []
    for (const wake of woken) wake()
  }

  const server = createServer((socket) => {
    const id = nextId++
    sockets.add(socket)
    socket.setNoDelay(true)
    let buffer = Buffer.alloc(0)
    let started = false
    let pending: Uint8Array[] = []
    let chain: Promise<void> = Promise.resolve()

    const run = (messages: Uint8Array[], endsCycle: boolean) => {
      chain = chain
        .then(async () => {
          await acquire(id)
          // The unit's whole answer goes out in one write (small writes stall on Nagle + delayed ACK).
          const out: Uint8Array[] = []
          try {
            for (const message of messages) {
              await db.runExclusive(() =>
                db.execProtocolRawStream(message, {
                  onRawData: (data) => void out.push(data.slice()),
                }),
              )
            }
          } finally {
            if (out.length && socket.writable) socket.write(Buffer.concat(out))
            // Mid-cycle (a Flush before Sync) the session stays this client's.
            if (endsCycle) release(id)
          }
        })
        .catch((error: unknown) => {
          socket.destroy(error as Error)
        })
    }

    const close = () => {
      sockets.delete(socket)
      chain = chain.then(async () => {
        if (owner !== id) return
        if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {})
        owner = null
        const woken = waiters
        waiters = []
        for (const wake of woken) wake()
      })
    }

    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return
          const length = buffer.readInt32BE(0)
          const code = buffer.readInt32BE(4)
          if (length === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
            buffer = buffer.subarray(8)
            socket.write('N') // no TLS on a local socket
            continue
          }
          if (code === CANCEL_REQUEST) {
            socket.end() // a single session cannot be interrupted
            return
          }
          if (code !== PROTOCOL_3 || buffer.length < length) {
            if (code !== PROTOCOL_3) socket.destroy()
            return
          }
          const startup = new Uint8Array(buffer.subarray(0, length))
          buffer = buffer.subarray(length)
          started = true
          run([startup], true)
          continue
        }
        if (buffer.length < 5) return
        const type = buffer[0]!
        const total = 1 + buffer.readInt32BE(1)
        if (buffer.length < total) return
        const message = new Uint8Array(buffer.subarray(0, total))
        buffer = buffer.subarray(total)
        if (type === TERMINATE) {
          socket.end()
          return
        }
        pending.push(message)
        if (UNIT_END.has(type)) {
          const unit = pending
          pending = []
          run(unit, SYNC_OR_QUERY.has(type))
        }
      }
    })
    socket.on('close', close)
    socket.on('error', () => socket.destroy())
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as { port: number }).port
  return {
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

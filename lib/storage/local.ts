import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { assertSafeKey } from './keys'
import type { Storage } from './types'

type Env = Record<string, string | undefined>

/** `STORAGE_DIR`, or `.data/uploads` (git-ignored); never under `public/`, which Next serves to anyone. */
export function localStorageDir(env: Env = process.env, cwd: string = process.cwd()): string {
  const dir = path.resolve(cwd, env.STORAGE_DIR?.trim() || path.join('.data', 'uploads'))
  const publicDir = path.resolve(cwd, 'public')
  if (dir === publicDir || dir.startsWith(publicDir + path.sep)) {
    throw new Error(
      `STORAGE_DIR must not be inside public/ (the files would be served to anyone): ${dir}`,
    )
  }
  return dir
}

const isMissing = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** Files on the server's disk. The content type is not kept: the database row holds it. */
export function createLocalStorage(root: string = localStorageDir()): Storage {
  const base = path.resolve(root)
  const fileOf = (key: string) => {
    assertSafeKey(key)
    const file = path.resolve(base, key)
    // Belt and braces: the key check already makes this impossible.
    if (!file.startsWith(base + path.sep))
      throw new Error('Storage key escapes the storage directory.')
    return file
  }

  return {
    async put(key, body) {
      const file = fileOf(key)
      const dir = path.dirname(file)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      // Written beside the target then renamed, so a reader never sees half a file. The
      // leading dot keeps temp names out of the key space (keys never start with a dot).
      const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        const handle = await open(temp, 'wx', 0o600)
        try {
          await handle.writeFile(body)
          await handle.sync()
        } finally {
          await handle.close()
        }
        await rename(temp, file)
      } catch (error) {
        await unlink(temp).catch(() => undefined)
        throw error
      }
    },

    async get(key) {
      const file = fileOf(key)
      let handle
      try {
        handle = await open(file, 'r')
      } catch (error) {
        if (isMissing(error)) return null
        throw error
      }
      const stats = await handle.stat()
      if (!stats.isFile()) {
        await handle.close()
        return null
      }
      return { body: handle.createReadStream({ autoClose: true }), size: stats.size }
    },

    async delete(key) {
      const file = fileOf(key)
      try {
        await unlink(file)
      } catch (error) {
        if (!isMissing(error)) throw error
      }
    },
  }
}

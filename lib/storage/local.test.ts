import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UnsafeStorageKeyError } from './keys'
import { createLocalStorage, localStorageDir } from './local'
import type { Storage } from './types'

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks).toString('utf8')
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

let root: string
let store: Storage

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tremplin-storage-'))
  store = createLocalStorage(root)
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('local storage', () => {
  it('gives back the bytes it was given, with their size, until they are deleted', async () => {
    await store.put('est/app/file.pdf', Buffer.from('%PDF-1.4 bonjour'), 'application/pdf')
    const file = await store.get('est/app/file.pdf')
    expect(file?.size).toBe(16)
    expect(await text(file!.body)).toBe('%PDF-1.4 bonjour')

    await store.delete('est/app/file.pdf')
    expect(await store.get('est/app/file.pdf')).toBeNull()
  })

  it('replaces a file put again under the same key', async () => {
    await store.put('k.txt', new TextEncoder().encode('first'), 'text/plain')
    await store.put('k.txt', new TextEncoder().encode('second'), 'text/plain')
    expect(await text((await store.get('k.txt'))!.body)).toBe('second')
  })

  it('answers null for a missing file (and for a key naming a directory), and deletes missing files quietly', async () => {
    expect(await store.get('nothing/here.pdf')).toBeNull()
    await store.put('dir/file', Buffer.from('x'), 'application/pdf')
    expect(await store.get('dir')).toBeNull()
    expect(await store.get('dir/file/deeper')).toBeNull()
    await expect(store.delete('dir/file/deeper')).resolves.toBeUndefined()
    await expect(store.delete('nothing/here.pdf')).resolves.toBeUndefined()
  })

  it('refuses unsafe keys on every operation, before touching the disk', async () => {
    for (const key of ['../x', '/etc/passwd', 'a\\b', 'a/../b']) {
      await expect(store.put(key, Buffer.from('x'), 'text/plain'), key).rejects.toThrow(
        UnsafeStorageKeyError,
      )
      await expect(store.get(key), key).rejects.toThrow(UnsafeStorageKeyError)
      await expect(store.delete(key), key).rejects.toThrow(UnsafeStorageKeyError)
    }
    expect(await filesUnder(root)).toEqual([])
  })

  it('leaves no temporary file behind when many puts race, and keeps one whole version', async () => {
    const versions = Array.from({ length: 25 }, (_, i) => `version ${i} `.repeat(2000))
    await Promise.all([
      ...versions.map((v) => store.put('same/key.pdf', Buffer.from(v), 'application/pdf')),
      ...versions.map((v, i) => store.put(`other/k${i}.pdf`, Buffer.from(v), 'application/pdf')),
    ])
    const files = await filesUnder(root)
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(files).toHaveLength(26)
    expect(versions).toContain(await text((await store.get('same/key.pdf'))!.body))
  })
})

describe('local storage directory', () => {
  it('defaults to .data/uploads in the working directory, and follows STORAGE_DIR', () => {
    expect(localStorageDir({}, '/srv/app')).toBe(path.resolve('/srv/app/.data/uploads'))
    expect(localStorageDir({ STORAGE_DIR: 'files' }, '/srv/app')).toBe(
      path.resolve('/srv/app/files'),
    )
    expect(localStorageDir({ STORAGE_DIR: '/var/lib/tremplin' }, '/srv/app')).toBe(
      path.resolve('/var/lib/tremplin'),
    )
  })

  it('refuses a directory under public/, which the web server would hand to anyone', () => {
    expect(() => localStorageDir({ STORAGE_DIR: 'public/uploads' }, '/srv/app')).toThrow(/public/)
    expect(() => localStorageDir({ STORAGE_DIR: 'public' }, '/srv/app')).toThrow(/public/)
    expect(localStorageDir({ STORAGE_DIR: 'public-files' }, '/srv/app')).toBe(
      path.resolve('/srv/app/public-files'),
    )
  })
})

import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, inject } from 'vitest'
import { closeDb } from '../index'

process.env.DATABASE_URL = inject('databaseUrl')
// Uploaded files of a test run go to a throw-away directory.
process.env.STORAGE_DIR ??= path.join(tmpdir(), `tremplin-test-uploads-${process.pid}`)

afterAll(async () => {
  await closeDb()
})

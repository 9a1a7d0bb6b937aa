import { afterAll, inject } from 'vitest'
import { closeDb } from '../index'

process.env.DATABASE_URL = inject('databaseUrl')

afterAll(async () => {
  await closeDb()
})

import { createLocalStorage } from './local'
import { createS3Storage } from './s3'
import type { Storage } from './types'

export type { Storage } from './types'
export type StorageKind = 'local' | 's3'

type Env = Record<string, string | undefined>

/** A bucket when `S3_BUCKET` is set (production on several servers), the local disk otherwise. */
export function storageKind(env: Env = process.env): StorageKind {
  return env.S3_BUCKET?.trim() ? 's3' : 'local'
}

let instance: Storage | undefined

export function storage(): Storage {
  instance ??= storageKind() === 's3' ? createS3Storage() : createLocalStorage()
  return instance
}

import type { Readable } from 'node:stream'

/** Where supporting documents' bytes live: a local directory or an S3-compatible bucket. */
export interface Storage {
  put(key: string, body: Buffer | Uint8Array, contentType: string): Promise<void>
  /** The file's bytes, or null when there is no file under this key. */
  get(key: string): Promise<{ body: Readable; size?: number } | null>
  /** Removes the file; a key with no file is not an error. */
  delete(key: string): Promise<void>
}

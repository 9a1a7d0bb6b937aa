import type { Readable } from 'node:stream'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { assertSafeKey } from './keys'
import type { Storage } from './types'

type Env = Record<string, string | undefined>

export type S3Config = {
  bucket: string
  region: string
  /** For S3-compatible providers (MinIO, Scaleway, OVH, Cloudflare R2…); AWS itself needs none. */
  endpoint?: string
  forcePathStyle: boolean
  /** Absent: the SDK's own chain (instance role, AWS_* variables…). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

const read = (env: Env, name: string) => env[name]?.trim() || undefined

export function s3ConfigFromEnv(env: Env = process.env): S3Config {
  const bucket = read(env, 'S3_BUCKET')
  if (!bucket) throw new Error('S3_BUCKET is not set.')
  const endpoint = read(env, 'S3_ENDPOINT')
  if (endpoint && !/^https?:\/\/[^/\s]+/i.test(endpoint))
    throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}".`)
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID')
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY')
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither.')
  return {
    bucket,
    region: read(env, 'S3_REGION') ?? 'auto',
    ...(endpoint ? { endpoint } : {}),
    // Most S3-compatible providers do not resolve bucket-name subdomains.
    forcePathStyle: Boolean(endpoint),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  }
}

const isNotFound = (error: unknown) => {
  if (error instanceof NoSuchKey) return true
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

/** An S3-compatible bucket. The client is created on first use, so builds need no bucket. */
export function createS3Storage(
  config: S3Config | (() => S3Config) = () => s3ConfigFromEnv(),
): Storage {
  let resolved: { client: S3Client; bucket: string } | undefined
  const connection = () => {
    if (!resolved) {
      const c = typeof config === 'function' ? config() : config
      const client = new S3Client({
        region: c.region,
        endpoint: c.endpoint,
        forcePathStyle: c.forcePathStyle,
        credentials: c.credentials,
        // Since 3.729 the SDK sends CRC checksums by default, which several S3-compatible
        // providers reject; against AWS itself, keep the default.
        ...(c.endpoint
          ? {
              requestChecksumCalculation: 'WHEN_REQUIRED',
              responseChecksumValidation: 'WHEN_REQUIRED',
            }
          : {}),
      })
      resolved = { client, bucket: c.bucket }
    }
    return resolved
  }

  return {
    async put(key, body, contentType) {
      assertSafeKey(key)
      const { client, bucket } = connection()
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
        }),
      )
    },

    async get(key) {
      assertSafeKey(key)
      const { client, bucket } = connection()
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        if (!object.Body) return null
        // In Node the body is an http.IncomingMessage, i.e. a Readable.
        return { body: object.Body as Readable, size: object.ContentLength }
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
    },

    async delete(key) {
      assertSafeKey(key)
      const { client, bucket } = connection()
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
    },
  }
}

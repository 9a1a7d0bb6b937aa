import { describe, expect, it } from 'vitest'
import { UnsafeStorageKeyError } from './keys'
import { createS3Storage, s3ConfigFromEnv } from './s3'

describe('S3 configuration from the environment', () => {
  it('reads the bucket, defaults the region to auto and uses the SDK credential chain when no keys are given', () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: 'pieces' })).toEqual({
      bucket: 'pieces',
      region: 'auto',
      forcePathStyle: false,
    })
  })

  it('uses path-style addressing with a custom endpoint (MinIO, Scaleway, OVH…)', () => {
    const config = s3ConfigFromEnv({
      S3_BUCKET: 'pieces',
      S3_REGION: 'fr-par',
      S3_ENDPOINT: 'https://s3.fr-par.scw.cloud',
      S3_ACCESS_KEY_ID: 'AKIA',
      S3_SECRET_ACCESS_KEY: 'secret',
    })
    expect(config).toEqual({
      bucket: 'pieces',
      region: 'fr-par',
      endpoint: 'https://s3.fr-par.scw.cloud',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
    })
  })

  it('treats blank variables as unset', () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: 'pieces', S3_REGION: ' ', S3_ENDPOINT: '' })).toEqual({
      bucket: 'pieces',
      region: 'auto',
      forcePathStyle: false,
    })
  })

  it('refuses a missing bucket, a malformed endpoint and half a key pair', () => {
    expect(() => s3ConfigFromEnv({})).toThrow(/S3_BUCKET/)
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'pieces', S3_ENDPOINT: 's3.example.com' })).toThrow(
      /S3_ENDPOINT/,
    )
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'pieces', S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    )
  })
})

describe('S3 storage', () => {
  it('refuses unsafe keys before any request is made', async () => {
    let configRead = 0
    const store = createS3Storage(() => {
      configRead++
      return {
        bucket: 'pieces',
        region: 'auto',
        endpoint: 'http://127.0.0.1:1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      }
    })
    for (const key of ['../x', '/etc/passwd', 'a\\b', 'a/../b']) {
      await expect(store.put(key, Buffer.from('x'), 'text/plain'), key).rejects.toThrow(
        UnsafeStorageKeyError,
      )
      await expect(store.get(key), key).rejects.toThrow(UnsafeStorageKeyError)
      await expect(store.delete(key), key).rejects.toThrow(UnsafeStorageKeyError)
    }
    expect(configRead).toBe(0)
  })

  it('does not read its configuration until first used (builds need no bucket)', () => {
    expect(() => createS3Storage(() => s3ConfigFromEnv({}))).not.toThrow()
  })
})

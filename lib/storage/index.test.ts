import { describe, expect, it } from 'vitest'
import { storageKind } from './index'

describe('choice of storage', () => {
  it('uses a bucket when S3_BUCKET is set, the local disk otherwise', () => {
    expect(storageKind({ S3_BUCKET: 'pieces' })).toBe('s3')
    expect(storageKind({})).toBe('local')
    expect(storageKind({ S3_BUCKET: '  ' })).toBe('local')
  })
})

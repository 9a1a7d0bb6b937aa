import { describe, expect, it } from 'vitest'
import { assertSafeKey, isSafeKey, UnsafeStorageKeyError } from './keys'

describe('storage keys', () => {
  it('accepts generated keys: word segments separated by slashes, an extension on the last', () => {
    expect(
      isSafeKey(
        '0b6c1a4e-2f5d-4c3b-9a8e-7d6f5e4c3b2a/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/9f86d081884c7d65.pdf',
      ),
    ).toBe(true)
    expect(isSafeKey('a/b_c/D-1')).toBe(true)
    expect(isSafeKey('file.jpg')).toBe(true)
  })

  it('refuses anything that could leave the storage root or be read two ways', () => {
    for (const key of [
      '../x',
      '/etc/passwd',
      'a\\b',
      'a/../b',
      'a/./b',
      '..',
      '.',
      '',
      'a//b',
      'a/',
      '/a',
      'a.b/c',
      'a.b.c',
      '.hidden',
      'a/b.',
      'é/b',
      'a b',
      'a\0b',
      'C:/x',
      'a/b.pdf/',
    ]) {
      expect(isSafeKey(key), key).toBe(false)
      expect(() => assertSafeKey(key), key).toThrow(UnsafeStorageKeyError)
    }
  })

  it('refuses absurdly long keys', () => {
    expect(isSafeKey('a'.repeat(513))).toBe(false)
    expect(isSafeKey('a'.repeat(512))).toBe(true)
  })
})

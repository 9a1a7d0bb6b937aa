import { describe, expect, it } from 'vitest'
import { isUuid } from './uuid'

describe('isUuid', () => {
  it('accepts the ids the database generates, in either case', () => {
    expect(isUuid('0b8f5c1e-3a2d-4f6b-9c7e-1d2a3b4c5d6e')).toBe(true)
    expect(isUuid('0B8F5C1E-3A2D-4F6B-9C7E-1D2A3B4C5D6E')).toBe(true)
  })

  it('refuses what only looks like one: 36 dashes, misplaced dashes, spaces, other letters', () => {
    expect(isUuid('-'.repeat(36))).toBe(false)
    expect(isUuid('0b8f5c1e3a2d-4f6b-9c7e-1d2a3b4c5d6e-')).toBe(false)
    expect(isUuid(' 0b8f5c1e-3a2d-4f6b-9c7e-1d2a3b4c5d6e')).toBe(false)
    expect(isUuid('0b8f5c1e-3a2d-4f6b-9c7e-1d2a3b4c5d6g')).toBe(false)
    expect(isUuid('0b8f5c1e-3a2d-4f6b-9c7e-1d2a3b4c5d6e\n')).toBe(false)
  })

  it('refuses what is not a string', () => {
    expect(isUuid(undefined)).toBe(false)
    expect(isUuid(null)).toBe(false)
    expect(isUuid(42)).toBe(false)
  })
})

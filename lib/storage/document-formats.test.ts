import { describe, expect, it } from 'vitest'
import { fittedSize, formatBytes } from './document-formats'

describe('file sizes in French', () => {
  it('uses octets, Ko and Mo with a decimal comma', () => {
    expect(formatBytes(1)).toBe('1 octet')
    expect(formatBytes(850)).toBe('850 octets')
    expect(formatBytes(1536)).toBe('1,5 Ko')
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12,3 Mo')
  })

  it('never prints « 1 024 Ko » for a size just under a megabyte', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 Mo')
  })
})

describe('phone photos scaled down before upload', () => {
  it('fit the longer side within the limit, keep their proportions and are never enlarged', () => {
    expect(fittedSize(4032, 3024)).toEqual({ width: 2400, height: 1800 })
    expect(fittedSize(3024, 4032)).toEqual({ width: 1800, height: 2400 })
    expect(fittedSize(1200, 800)).toEqual({ width: 1200, height: 800 })
    expect(fittedSize(10000, 1, 2400)).toEqual({ width: 2400, height: 1 })
  })
})

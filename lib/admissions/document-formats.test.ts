import { describe, expect, it } from 'vitest'
import { formatBytes } from './document-formats'

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

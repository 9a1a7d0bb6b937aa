import { describe, expect, it } from 'vitest'
import { communeOf, communesForPostcode } from './communes'

describe('French communes (offline dataset)', () => {
  it('finds the communes a postcode serves', () => {
    expect(communesForPostcode('31700').map((c) => c.name)).toContain('Blagnac')
    expect(communesForPostcode('31000')).toEqual([
      { code: '31555', name: 'Toulouse', postcode: '31000', departement: '31' },
    ])
    expect(communesForPostcode('75005').map((c) => c.name)).toEqual(['Paris'])
  })

  it('finds nothing for an unknown or malformed postcode', () => {
    expect(communesForPostcode('00000')).toEqual([])
    expect(communesForPostcode('3170')).toEqual([])
  })

  it('matches a commune however its name was typed, and refuses a commune of another postcode', () => {
    expect(communeOf('31770', 'colomiers')?.name).toBe('Colomiers')
    expect(communeOf('31650', 'saint orens de gameville')?.name).toBe('Saint-Orens-de-Gameville')
    expect(communeOf('31700', 'Toulouse')).toBeNull()
  })
})

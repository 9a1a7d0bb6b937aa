import { describe, expect, it } from 'vitest'
import { listQuery, parseListParams } from './list-params'

describe('staff table URL state', () => {
  it('reads the URL and falls back to defaults for anything unexpected', () => {
    expect(parseListParams({ page: '3', tri: 'nom', ordre: 'asc', q: ' léa ' })).toMatchObject({ page: 3, tri: 'nom', ordre: 'asc', q: 'léa', taille: 20 })
    expect(parseListParams({ page: '-1', tri: 'password; drop table', taille: '1000', campagne: 'x' })).toMatchObject({ page: 1, tri: 'depot', taille: 20, campagne: undefined })
  })
  it('writes only what differs from the defaults', () => {
    const params = parseListParams({})
    expect(listQuery(params)).toBe('')
    expect(listQuery(params, { tri: 'nom', page: 2 })).toBe('?page=2&tri=nom')
  })
})

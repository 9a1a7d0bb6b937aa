import { describe, expect, it } from 'vitest'
import { listQuery, parseListParams } from './list-params'

describe('staff table URL state', () => {
  it('reads the URL and falls back to defaults for anything unexpected', () => {
    expect(parseListParams({ page: '3', tri: 'nom', ordre: 'asc', q: ' léa ' })).toMatchObject({
      page: 3,
      tri: 'nom',
      ordre: 'asc',
      q: 'léa',
      taille: 20,
    })
    expect(
      parseListParams({ page: '-1', tri: 'password; drop table', taille: '1000', campagne: 'x' }),
    ).toMatchObject({ page: 1, tri: 'depot', taille: 20, campagne: undefined })
  })
  it('writes only what differs from the defaults', () => {
    const params = parseListParams({})
    expect(listQuery(params)).toBe('')
    expect(listQuery(params, { tri: 'nom', page: 2 })).toBe('?page=2&tri=nom')
  })
})

describe('staff table URL state with control characters', () => {
  it('cleans a NUL or any control character out of the search instead of failing', () => {
    expect(parseListParams({ q: '\u0000' }).q).toBe('')
    expect(parseListParams(new URLSearchParams('q=%00Mar%01tin%7F')).q).toBe('Mar tin')
  })
  it('falls back to the defaults when a NUL lands in any other parameter', () => {
    expect(
      parseListParams(
        new URLSearchParams(
          'page=%00&taille=%00&tri=%00&ordre=%00&statut=%00&recos=%00&campagne=%00',
        ),
      ),
    ).toEqual(parseListParams({}))
  })
})

import { describe, expect, it } from 'vitest'
import { listQuery, listUrlValues, parseListParams } from './list-params'

describe('staff table URL state', () => {
  it('reads the URL and falls back to defaults for anything unexpected', () => {
    expect(parseListParams({ page: '3', tri: 'nom', ordre: 'asc', q: ' léa ' })).toMatchObject({
      page: 3,
      sort: 'name',
      direction: 'asc',
      search: 'léa',
      pageSize: 20,
    })
    expect(
      parseListParams({ page: '-1', tri: 'password; drop table', taille: '1000', campagne: 'x' }),
    ).toMatchObject({ page: 1, sort: 'submittedAt', pageSize: 20, campaignId: undefined })
  })
  it('reads the French words of the URL once, into the English values of the code', () => {
    const campaign = '0b9e4c1a-5d2f-4e8a-9c3b-7f6a5e4d3c2b'
    expect(
      parseListParams({
        taille: '50',
        tri: 'recues',
        statut: 'deposees',
        recos: 'incompletes',
        campagne: campaign,
      }),
    ).toEqual({
      page: 1,
      pageSize: 50,
      sort: 'received',
      direction: 'desc',
      status: 'pastDraft',
      recommendations: 'incomplete',
      search: '',
      campaignId: campaign,
    })
    expect(parseListParams({ tri: 'statut', statut: 'tous', recos: 'completes' })).toMatchObject({
      sort: 'status',
      status: 'all',
      recommendations: 'complete',
    })
    expect(parseListParams({ tri: 'depot', statut: 'admitted' })).toMatchObject({
      sort: 'submittedAt',
      status: 'admitted',
    })
  })
  it("refuses the code's own words in the URL: they fall back to the defaults", () => {
    expect(parseListParams({ tri: 'name', statut: 'pastDraft', recos: 'complete' })).toMatchObject({
      sort: 'submittedAt',
      status: 'pastDraft',
      recommendations: 'all',
    })
    expect(parseListParams({ statut: 'all' }).status).toBe('pastDraft')
  })
  it('writes only what differs from the defaults', () => {
    const params = parseListParams({})
    expect(listQuery(params)).toBe('')
    expect(listQuery(params, { sort: 'name', page: 2 })).toBe('?page=2&tri=nom')
    expect(
      listQuery(params, { status: 'all', recommendations: 'complete', direction: 'asc' }),
    ).toBe('?ordre=asc&statut=tous&recos=completes')
  })
  it('gives back the same state from the URL it writes, for every sort and filter', () => {
    for (const query of [
      '?page=4&taille=100&tri=statut&ordre=asc&statut=tous&recos=completes&q=l%C3%A9a+martin',
      '?tri=recues&statut=waitlisted&recos=incompletes&campagne=0b9e4c1a-5d2f-4e8a-9c3b-7f6a5e4d3c2b',
      '?taille=50&tri=nom',
    ]) {
      const params = parseListParams(new URLSearchParams(query))
      expect(listQuery(params)).toBe(query)
      expect(parseListParams(new URLSearchParams(listQuery(params)))).toEqual(params)
    }
  })
  it('gives the filter form the URL words of the current state', () => {
    expect(listUrlValues(parseListParams({ statut: 'tous', tri: 'recues' }))).toEqual({
      page: '1',
      taille: '20',
      tri: 'recues',
      ordre: 'desc',
      statut: 'tous',
      recos: 'toutes',
      q: '',
      campagne: '',
    })
  })
})

describe('staff table URL state with control characters', () => {
  it('cleans a NUL or any control character out of the search instead of failing', () => {
    expect(parseListParams({ q: '\u0000' }).search).toBe('')
    expect(parseListParams(new URLSearchParams('q=%00Mar%01tin%7F')).search).toBe('Mar tin')
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

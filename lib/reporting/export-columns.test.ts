import { describe, expect, it } from 'vitest'
import { exportColumnKeys, parseColumns } from './export-columns'

describe('export column choice', () => {
  it('keeps the known columns asked for, in catalogue order', () => {
    expect(parseColumns('email,nom,inconnue,statut')).toEqual(['statut', 'nom', 'email'])
  })

  it('exports every column when nothing valid is asked', () => {
    expect(parseColumns('')).toEqual(exportColumnKeys)
    expect(parseColumns('drop table')).toEqual(exportColumnKeys)
  })
})

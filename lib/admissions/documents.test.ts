import { describe, expect, it } from 'vitest'
import { uploadRefusal } from './documents'

describe('when a candidate may give a file', () => {
  it('accepts any file in a draft while the campaign is open, none once it is closed', () => {
    expect(uploadRefusal({ applicationStatus: 'draft', campaignOpen: true })).toBeNull()
    expect(uploadRefusal({ applicationStatus: 'draft', campaignOpen: true, documentStatus: 'pending' })).toBeNull()
    expect(uploadRefusal({ applicationStatus: 'draft', campaignOpen: false })).toMatch(/close/)
  })

  it('after submission, accepts only the replacement of a refused document, even after the closing date', () => {
    expect(uploadRefusal({ applicationStatus: 'incomplete', campaignOpen: false, documentStatus: 'refused' })).toBeNull()
    expect(uploadRefusal({ applicationStatus: 'submitted', campaignOpen: true, documentStatus: 'pending' })).toMatch(/refusée/)
    expect(uploadRefusal({ applicationStatus: 'submitted', campaignOpen: true })).toMatch(/refusée/)
    expect(uploadRefusal({ applicationStatus: 'admitted', campaignOpen: true, documentStatus: 'refused' })).toMatch(/refusée/)
    expect(uploadRefusal({ applicationStatus: 'withdrawn', campaignOpen: true, documentStatus: 'refused' })).toMatch(/refusée/)
  })
})

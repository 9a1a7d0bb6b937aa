import { describe, expect, it } from 'vitest'
import { isRecommendationIntact } from './integrity'
import { hashedContent } from './respond'

const request = { id: 'r1', recommenderEmail: 'anne.leroy@ac-toulouse.fr' }
const submittedAt = new Date('2026-03-02T10:00:00Z')
const content = {
  submittedAnswers: [
    { questionId: 'q1', kind: 'text' as const, label: 'Avis', value: 'Très bien' },
  ],
  opinion: 'favorable',
  phone: '+33611223344',
  phoneConfirmed: true,
  submittedAt,
}
const frozen = {
  ...content,
  contentHash: hashedContent({
    requestId: request.id,
    recommenderEmail: request.recommenderEmail,
    answers: content.submittedAnswers,
    opinion: content.opinion,
    phone: content.phone,
    phoneConfirmed: content.phoneConfirmed,
    submittedAt,
  }),
}

describe('a recommendation’s integrity', () => {
  it('is intact while its content gives the hash frozen at submission', () => {
    expect(isRecommendationIntact(request, frozen)).toBe(true)
  })
  it('is not once an answer, the opinion or the phone’s confirmation changed', () => {
    const answers = [{ ...content.submittedAnswers[0]!, value: 'Excellent' }]
    expect(isRecommendationIntact(request, { ...frozen, submittedAnswers: answers })).toBe(false)
    expect(isRecommendationIntact(request, { ...frozen, opinion: 'reserve' })).toBe(false)
    expect(isRecommendationIntact(request, { ...frozen, phoneConfirmed: false })).toBe(false)
  })
  it('is not when moved to another request or recommender', () => {
    expect(isRecommendationIntact({ ...request, id: 'r2' }, frozen)).toBe(false)
    expect(
      isRecommendationIntact({ ...request, recommenderEmail: 'autre@exemple.fr' }, frozen),
    ).toBe(false)
  })
  it('is never intact without its frozen content or hash', () => {
    expect(isRecommendationIntact(request, { ...frozen, contentHash: null })).toBe(false)
    expect(isRecommendationIntact(request, { ...frozen, submittedAnswers: null })).toBe(false)
    expect(isRecommendationIntact(request, { ...frozen, phone: null })).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { recommendationSchema } from './schemas'

const question = (changes: Partial<Parameters<typeof recommendationSchema>[0][number]> = {}) => ({
  id: '5d0c1b6e-7a53-4d4e-9a3c-1f3f5f1d2a11',
  kind: 'text' as const,
  label: 'Appréciation',
  required: true,
  ...changes,
})
const answer = (text: string) => ({
  answers: { [question().id]: text },
  opinion: 'favorable',
  phone: '06 12 34 56 78',
  certified: true,
})

describe('the recommendation schema of a campaign', () => {
  it('is built once for the same questions', () => {
    expect(recommendationSchema([question()])).toBe(recommendationSchema([question()]))
  })

  it('follows a question that changed: required, label, kind or a new question', () => {
    const required = recommendationSchema([question()])
    const optional = recommendationSchema([question({ required: false })])
    expect(optional).not.toBe(required)
    expect(required.safeParse(answer('')).success).toBe(false)
    expect(optional.safeParse(answer('')).success).toBe(true)

    const relabelled = recommendationSchema([question({ label: 'Motivation' })])
    const issues = relabelled.safeParse(answer('')).error?.issues.map((i) => i.message)
    expect(issues).toContain('Motivation : réponse obligatoire.')

    expect(recommendationSchema([question({ kind: 'scale' })])).not.toBe(required)
    expect(
      recommendationSchema([question(), question({ id: 'f1c8d7b2-3a4e-4b5c-8d9e-0a1b2c3d4e5f' })]),
    ).not.toBe(required)
  })
})

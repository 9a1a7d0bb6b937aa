import { describe, expect, it } from 'vitest'
import { documentRequirementSchema, newCampaignSchema, questionSchema } from './campaign-schemas'

const messages = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('new campaign form', () => {
  it('explains every bad field at once, in French', () => {
    const result = newCampaignSchema.safeParse({
      programmeId: 'new',
      programmeName: 'x',
      name: '',
      opensOn: '2027-03-10',
      closesOn: '2027-03-01',
      recommendationDeadlineOn: 'demain',
      requiredRecommendations: 9,
    })
    expect(messages(result)).toEqual({
      name: 'Nom : champ obligatoire.',
      closesOn: 'Clôture : doit suivre l’ouverture.',
      recommendationDeadlineOn: 'Date limite des recommandations : date invalide.',
      requiredRecommendations: 'Nombre de recommandants : 5 au plus.',
      programmeName: 'Nom de la formation : 3 caractères au moins.',
    })
  })

  it('asks for a programme name only when creating a programme', () => {
    const base = {
      name: 'Recrutement 2027',
      opensOn: '2027-01-10',
      closesOn: '2027-03-01',
      recommendationDeadlineOn: '2027-03-10',
      requiredRecommendations: '2',
    }
    expect(
      newCampaignSchema.safeParse({ ...base, programmeId: '0b6f2a4e-8a53-4b7e-9d1c-2f6a1e9c3b5d' })
        .success,
    ).toBe(true)
    expect(messages(newCampaignSchema.safeParse({ ...base, programmeId: 'new' }))).toEqual({
      programmeName: 'Nom de la formation : 3 caractères au moins.',
    })
    expect(messages(newCampaignSchema.safeParse({ ...base, programmeId: 'autre' }))).toEqual({
      programmeId: 'Formation : choisissez une formation.',
    })
  })
})

describe('checkboxes sent as text', () => {
  it('reads "false" as unchecked and "on" as checked', () => {
    const base = { name: 'Relevés de notes', formats: ['pdf'], maxMegabytes: 5 }
    expect(documentRequirementSchema.parse({ ...base, required: 'false' }).required).toBe(false)
    expect(documentRequirementSchema.parse({ ...base, required: 'on' }).required).toBe(true)
    expect(documentRequirementSchema.parse(base).required).toBe(true)
    expect(
      questionSchema.parse({ kind: 'text', label: 'Appréciation', required: false }).required,
    ).toBe(false)
  })
})

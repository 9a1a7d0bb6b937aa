import { describe, expect, it } from 'vitest'
import { establishmentSettingsSchema } from './schemas'

const messages = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('establishment settings', () => {
  it('keeps the cap on applications between 1 and 100', () => {
    expect(establishmentSettingsSchema.parse({ maxApplicationsPerCandidate: '12' })).toEqual({
      maxApplicationsPerCandidate: 12,
    })
    expect(
      messages(establishmentSettingsSchema.safeParse({ maxApplicationsPerCandidate: '0' })),
    ).toEqual({ maxApplicationsPerCandidate: 'Candidatures par candidat : 1 au moins.' })
    expect(
      messages(establishmentSettingsSchema.safeParse({ maxApplicationsPerCandidate: 'beaucoup' })),
    ).toEqual({ maxApplicationsPerCandidate: 'Candidatures par candidat : nombre attendu.' })
  })
})

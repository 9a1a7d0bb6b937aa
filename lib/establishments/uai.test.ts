import { describe, expect, it } from 'vitest'
import { isValidUai, normalizeUai, uaiCheckLetter, uaiField } from './uai'

// Real codes of French schools, as the Éducation nationale's directory prints them.
const realUais = [
  '0750654D', // Lycée Henri-IV, Paris
  '0750655E', // Lycée Louis-le-Grand, Paris
  '0310036W', // Lycée Pierre-de-Fermat, Toulouse
  '0690026D', // Lycée du Parc, Lyon
  '0130040Y', // Lycée Thiers, Marseille
  '0670079X', // Lycée Kléber, Strasbourg
]

describe('UAI codes', () => {
  it('accepts real schools’ codes: the letter is the 7 digits modulo 23', () => {
    for (const uai of realUais) expect(isValidUai(uai), uai).toBe(true)
  })

  it('refuses a code whose check letter does not match its digits', () => {
    expect(uaiCheckLetter('0310036')).toBe('W')
    expect(isValidUai('0310036X')).toBe(false)
    expect(isValidUai('0750654E')).toBe(false)
  })

  it('refuses anything but 7 digits and a letter', () => {
    for (const bad of ['', '031003W', '03100366W', 'A310036W', '0310036', '0310036w', '0310036I'])
      expect(isValidUai(bad), bad).toBe(false)
  })

  it('reads what a person typed with spaces or in lower case', () => {
    expect(normalizeUai(' 0310036 w ')).toBe('0310036W')
    expect(uaiField.parse('0310036w')).toBe('0310036W')
  })

  it('explains a refusal in French', () => {
    const result = uaiField.safeParse('0310036X')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(
      'Code UAI invalide : 7 chiffres suivis d’une lettre de contrôle.',
    )
    expect(uaiField.safeParse('').error?.issues[0]?.message).toBe('Code UAI : champ obligatoire.')
  })
})

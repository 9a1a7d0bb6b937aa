import { randomInt } from 'node:crypto'
import { uaiCheckLetter } from '../../lib/establishments/uai'
import type { RegistrationFields } from '../../lib/establishments/schemas'

// Factories for establishments' registrations: unique, valid UAIs and addresses per call.

/** A valid UAI no other test uses (the digits are random, the letter computed). */
export function uniqueUai(): string {
  const digits = String(randomInt(9_000_000) + 1_000_000).padStart(7, '0')
  return `${digits}${uaiCheckLetter(digits)}`
}

export function registrationInput(overrides: Partial<RegistrationFields> = {}): RegistrationFields {
  const uai = overrides.uai ?? uniqueUai()
  return {
    postcode: '31770',
    city: 'Colomiers',
    name: `Collège ${uai}`,
    uai,
    kind: 'college',
    address: '1 allée du Collège',
    emailDomain: 'college-test.fr',
    headName: 'Claire Durand',
    headEmail: `chef-${uai.toLowerCase()}@college-test.fr`,
    ...overrides,
  }
}

import { describe, expect, it } from 'vitest'
import { isAcademyAddress, mayRegisterFrom, splitDomains } from './email-domains'
import { establishmentProfileSchema, newEstablishmentSchema, registrationSchema } from './schemas'

const messages = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

const registration = {
  postcode: '31770',
  city: 'Colomiers',
  name: 'Collège Jean Jaurès',
  uai: '0310036w',
  kind: 'college',
  address: '2 rue de la République',
  emailDomain: '@College-Jaures.fr',
  headName: 'Claire Durand',
  headEmail: 'Claire.Durand@college-jaures.fr',
}

describe('a head’s registration form', () => {
  it('accepts an address on the school’s domain, normalizing the UAI, the domain and the address', () => {
    expect(registrationSchema.parse(registration)).toMatchObject({
      uai: '0310036W',
      emailDomain: 'college-jaures.fr',
      headEmail: 'claire.durand@college-jaures.fr',
    })
  })

  it('accepts an académie’s address, and refuses any other domain on the address field', () => {
    expect(
      registrationSchema.safeParse({ ...registration, headEmail: 'claire.durand@ac-toulouse.fr' })
        .success,
    ).toBe(true)
    expect(
      messages(registrationSchema.safeParse({ ...registration, headEmail: 'claire@gmail.com' })),
    ).toEqual({
      headEmail:
        'Votre adresse professionnelle : elle doit être sur le domaine de l’établissement (@college-jaures.fr) ou de votre académie (@ac-….fr).',
    })
  })

  it('names each wrong field in French', () => {
    expect(
      messages(
        registrationSchema.safeParse({
          ...registration,
          postcode: '3177',
          uai: '0310036X',
          kind: 'ecole',
          emailDomain: 'pas un domaine',
          headEmail: 'claire',
        }),
      ),
    ).toEqual({
      postcode: 'Code postal : 5 chiffres attendus (ex. 31000).',
      uai: 'Code UAI invalide : 7 chiffres suivis d’une lettre de contrôle.',
      kind: 'Type d’établissement : choisissez-en un.',
      emailDomain:
        'Domaine e-mail de l’établissement : un nom de domaine est attendu (ex. college-jaures.fr), sans « @ » ni « www ».',
      headEmail: 'Votre adresse professionnelle : adresse invalide, de la forme nom@exemple.fr.',
    })
  })
})

describe('the establishment’s details', () => {
  const profile = {
    name: 'Collège Jean Jaurès',
    address: '',
    postcode: '31770',
    city: 'Colomiers',
    latitude: '43,6112',
    longitude: '',
    emailDomains: 'college-jaures.fr; ac-toulouse.fr  college-jaures.fr',
  }

  it('reads coordinates typed with a comma, empty ones as unknown, and domains however separated', () => {
    expect(establishmentProfileSchema.parse(profile)).toMatchObject({
      latitude: 43.6112,
      longitude: null,
      emailDomains: ['college-jaures.fr', 'ac-toulouse.fr'],
    })
  })

  it('refuses coordinates out of range and domains that are not', () => {
    expect(
      messages(
        establishmentProfileSchema.safeParse({
          ...profile,
          latitude: '143',
          longitude: 'est',
          emailDomains: 'college-jaures.fr, http://x',
        }),
      ),
    ).toEqual({
      latitude: 'Latitude : nombre entre -90 et 90 attendu, en degrés décimaux (ex. 43,6045).',
      longitude: 'Longitude : nombre entre -180 et 180 attendu, en degrés décimaux (ex. 43,6045).',
      emailDomains:
        'Domaines e-mail du personnel : « http://x » n’en est pas un (ex. college-jaures.fr).',
    })
  })

  it('lets the platform create one without a head, or with a valid head’s address', () => {
    const base = { ...profile, uai: '0310036W', kind: 'lycee' }
    expect(newEstablishmentSchema.parse({ ...base, headEmail: '' }).headEmail).toBe('')
    expect(messages(newEstablishmentSchema.safeParse({ ...base, headEmail: 'chef@' }))).toEqual({
      headEmail: 'Adresse du chef d’établissement : adresse invalide, de la forme nom@exemple.fr.',
    })
  })
})

describe('email domains', () => {
  it('knows académie addresses and subdomains of the school’s', () => {
    expect(isAcademyAddress('x@ac-aix-marseille.fr')).toBe(true)
    expect(isAcademyAddress('x@ac-toulouse.fr.evil.com')).toBe(false)
    expect(mayRegisterFrom('x@mail.college-jaures.fr', 'college-jaures.fr')).toBe(true)
    expect(mayRegisterFrom('x@notcollege-jaures.fr', 'college-jaures.fr')).toBe(false)
    expect(splitDomains(' A.fr, ,b.fr;a.fr ')).toEqual(['a.fr', 'b.fr'])
  })
})

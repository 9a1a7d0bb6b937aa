// The staff's professional email domains of an establishment, and who may register one.

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/** "@College-Jaures.fr " → "college-jaures.fr"; what a person types before the domain is dropped. */
export const normalizeDomain = (value: string) =>
  value.trim().toLowerCase().replace(/^.*@/, '').replace(/\.$/, '')

export const isDomain = (value: string) => DOMAIN.test(value)

/** The domain of an address ("Chef@College.fr" → "college.fr"). */
export const emailDomainOf = (email: string) =>
  email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase()

/** An académie's address (ac-toulouse.fr, ac-aix-marseille.fr): every head of a public school has one. */
export const isAcademyAddress = (email: string) =>
  /(^|\.)ac-[a-z-]+\.fr$/.test(emailDomainOf(email))

/** The address is on `domain` or one of its subdomains. */
export function isOnDomain(email: string, domain: string): boolean {
  const own = emailDomainOf(email)
  const wanted = normalizeDomain(domain)
  return own === wanted || own.endsWith(`.${wanted}`)
}

/**
 * A head registering their school must write from its domain, or from their académie's
 * (seed 004: "une adresse professionnelle sur le domaine de l'établissement").
 */
export const mayRegisterFrom = (email: string, schoolDomain: string) =>
  isOnDomain(email, schoolDomain) || isAcademyAddress(email)

/** A list typed one per line or separated by commas, spaces or semicolons. */
export const splitDomains = (value: string) => [
  ...new Set(
    value
      .split(/[\s,;]+/)
      .map(normalizeDomain)
      .filter(Boolean),
  ),
]

// Domains of French national education and higher education: an invitation answered from
// one of these is more likely to come from a real teacher.
const academicPatterns = [
  /(^|\.)ac-[a-z-]+\.fr$/, // rectorats: ac-toulouse.fr, ac-aix-marseille.fr…
  /(^|\.)education\.gouv\.fr$/,
  /(^|\.)enseignementsup-recherche\.gouv\.fr$/,
  /(^|\.)educagri\.fr$/, // lycées agricoles
  /(^|\.)univ-[a-z0-9-]+\.fr$/,
  /(^|\.)(u-[a-z0-9-]+|universite-[a-z0-9-]+)\.fr$/,
  /(^|\.)iut[a-z0-9-]*\.fr$/,
  /(^|\.)[a-z0-9-]+\.edu$/,
]

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

export function isAcademicEmail(email: string): boolean {
  const domain = emailDomain(email)
  return academicPatterns.some((p) => p.test(domain))
}

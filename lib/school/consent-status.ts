import { toParisDate } from '@/lib/paris-time'

// Who needs parental consent, and where a student's consent stands. Pure rules, shared by the
// class view, the dashboards and the gate on the student features.

export const AGE_OF_MAJORITY = 18

/** Whole years between a "YYYY-MM-DD" birth date and a "YYYY-MM-DD" day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const hadBirthday = m > bm || (m === bm && d >= bd)
  return y - by - (hadBirthday ? 0 : 1)
}

/**
 * A minor on today's date in France. An unknown birth date counts as a minor: consent is
 * asked rather than a pupil let in without it (the class view says the date is missing).
 */
export function isMinor(birthDate: string | null, now: Date = new Date()): boolean {
  if (!birthDate) return true
  return ageOn(birthDate, toParisDate(now)) < AGE_OF_MAJORITY
}

export const consentStatuses = [
  'not_required',
  'in_force',
  'requested',
  'missing',
  'withdrawn',
] as const
export type ConsentStatus = (typeof consentStatuses)[number]

export const consentStatusLabels: Record<ConsentStatus, string> = {
  not_required: 'Non requise (majeur)',
  in_force: 'En vigueur',
  requested: 'Demandée',
  missing: 'Manquante',
  withdrawn: 'Retirée',
}

export const consentStatusTone = {
  not_required: 'neutral',
  in_force: 'success',
  requested: 'info',
  missing: 'warning',
  withdrawn: 'danger',
} as const satisfies Record<ConsentStatus, string>

export type ConsentFacts = {
  minor: boolean
  /** One consent row has withdrawn_at null. */
  inForce: boolean
  /** A request link is out: not completed, not revoked, not expired. */
  openRequest: boolean
  /** The latest consent was withdrawn (and none is in force). */
  withdrawn: boolean
}

/** Where a student's parental consent stands, as the class view and dashboards show it. */
export function consentStatus(facts: ConsentFacts): ConsentStatus {
  if (!facts.minor) return 'not_required'
  if (facts.inForce) return 'in_force'
  if (facts.openRequest) return 'requested'
  if (facts.withdrawn) return 'withdrawn'
  return 'missing'
}

/** The gate: a minor uses the student features only with a consent in force. */
export function mayUseStudentFeatures(facts: Pick<ConsentFacts, 'minor' | 'inForce'>): boolean {
  return !facts.minor || facts.inForce
}

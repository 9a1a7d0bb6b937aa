import type { Role } from '@/db/schema'

// One account per role for the demo establishment; offered on the sign-in page in development.
export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: 'admin@ozenne.example', name: 'Claire Admin', role: 'admin' },
  { email: 'coordination@ozenne.example', name: 'Marc Coordinateur', role: 'coordinator' },
  { email: 'examinateur@ozenne.example', name: 'Sophie Examinatrice', role: 'reviewer' },
  { email: 'tuteur@ozenne.example', name: 'Paul Tuteur', role: 'tutor' },
  { email: 'eleve@ozenne.example', name: 'Léa Élève', role: 'student' },
]

// A candidate without membership, whose application the seed submits (db/seed.ts).
export const demoCandidate = { email: 'lea.martin@exemple.fr', name: 'Léa Martin' }

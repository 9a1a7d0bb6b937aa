import type { Role } from '@/db/schema'

export type DemoEstablishment = 'ozenne' | 'jaures'

export const demoEstablishmentNames: Record<DemoEstablishment, string> = {
  ozenne: 'Lycée Ozenne',
  jaures: 'Collège Jean Jaurès',
}

// Demo accounts, offered on the sign-in page in development: one per role at Lycée Ozenne
// (admissions, and a higher-education cohort), and a collège near Toulouse for internships
// (head, main teachers, other staff, pupils with and without parental consent). Camille Roux
// belongs to both establishments (main teacher of 3e B at the collège, reviewer at Ozenne).
export const demoAccounts: {
  email: string
  name: string
  role: Role
  establishment: DemoEstablishment
  /** What the sign-in page says beside the role, when the role alone is not enough. */
  note?: string
}[] = [
  { email: 'admin@ozenne.example', name: 'Claire Admin', role: 'admin', establishment: 'ozenne' },
  {
    email: 'coordination@ozenne.example',
    name: 'Marc Coordinateur',
    role: 'coordinator',
    establishment: 'ozenne',
  },
  {
    email: 'examinateur@ozenne.example',
    name: 'Sophie Examinatrice',
    role: 'reviewer',
    establishment: 'ozenne',
  },
  { email: 'tuteur@ozenne.example', name: 'Paul Tuteur', role: 'tutor', establishment: 'ozenne' },
  { email: 'eleve@ozenne.example', name: 'Léa Élève', role: 'student', establishment: 'ozenne' },
  {
    email: 'direction@ozenne.example',
    name: 'Hélène Proviseure',
    role: 'head',
    establishment: 'ozenne',
  },
  {
    email: 'stages@ozenne.example',
    name: 'Karim Stages',
    role: 'internship_coordinator',
    establishment: 'ozenne',
  },
  {
    email: 'direction@college-jaures.example',
    name: 'Nadia Principale',
    role: 'head',
    establishment: 'jaures',
  },
  {
    email: 'pp.3a@college-jaures.example',
    name: 'Thomas Bernard',
    role: 'main_teacher',
    establishment: 'jaures',
    note: '3e A',
  },
  {
    email: 'pp.3b@college-jaures.example',
    name: 'Camille Roux',
    role: 'main_teacher',
    establishment: 'jaures',
    note: '3e B, aussi examinatrice au lycée Ozenne',
  },
  {
    email: 'pp.3b@college-jaures.example',
    name: 'Camille Roux',
    role: 'reviewer',
    establishment: 'ozenne',
    note: 'aussi professeure principale au collège Jean Jaurès',
  },
  {
    email: 'cpe@college-jaures.example',
    name: 'Julie CPE',
    role: 'staff',
    establishment: 'jaures',
  },
  {
    email: 'eleve.autorise@college-jaures.example',
    name: 'Inès Moreau',
    role: 'student',
    establishment: 'jaures',
    note: 'mineure, autorisation parentale reçue',
  },
  {
    email: 'eleve.sans-autorisation@college-jaures.example',
    name: 'Hugo Petit',
    role: 'student',
    establishment: 'jaures',
    note: 'mineur, sans autorisation parentale',
  },
]

// A candidate without membership, whose application the seed submits (db/seed.ts).
export const demoCandidate = { email: 'lea.martin@exemple.fr', name: 'Léa Martin' }

// The platform's operator (users.platform_admin): creates and approves establishments.
export const demoPlatformAdmin = {
  email: 'plateforme@tremplin.example',
  name: 'Opérateur Tremplin',
}

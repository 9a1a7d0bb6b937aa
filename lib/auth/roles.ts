import type { Role } from '@/db/schema'

export const roleLabels: Record<Role, string> = {
  admin: 'Administration',
  coordinator: 'Coordination',
  reviewer: 'Examen des dossiers',
  tutor: 'Tutorat',
  student: 'Élève / candidat',
  head: 'Direction de l’établissement',
  internship_coordinator: 'Coordination des stages',
  main_teacher: 'Professeur principal',
  staff: 'Vie scolaire et administration',
}

export type NavItem = { href: string; label: string }

// What each role finds in the header. Staff roles share the team space; students see theirs.
const navByRole: Record<Role, NavItem[]> = {
  admin: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/candidatures', label: 'Candidatures' },
    { href: '/equipe/campagnes', label: 'Campagnes' },
    { href: '/equipe/membres', label: 'Membres' },
    { href: '/equipe/classes', label: 'Classes' },
    { href: '/equipe/journal', label: 'Journal d’audit' },
    { href: '/equipe/courriels', label: 'Courriels' },
    { href: '/equipe/informations-legales', label: 'Informations légales' },
    { href: '/equipe/etablissement', label: 'Établissement' },
  ],
  coordinator: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/candidatures', label: 'Candidatures' },
    { href: '/equipe/campagnes', label: 'Campagnes' },
    { href: '/equipe/examen', label: 'Mes évaluations' },
  ],
  reviewer: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/examen', label: 'Mes évaluations' },
    { href: '/equipe/candidatures', label: 'Candidatures' },
    { href: '/equipe/campagnes', label: 'Campagnes' },
  ],
  tutor: [{ href: '/equipe', label: 'Tableau de bord' }],
  student: [
    { href: '/espace', label: 'Mon espace' },
    { href: '/espace/eleve', label: 'Ma classe' },
  ],
  head: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/classes', label: 'Classes' },
    { href: '/equipe/membres', label: 'Membres' },
    { href: '/equipe/journal', label: 'Journal d’audit' },
    { href: '/equipe/etablissement', label: 'Établissement' },
  ],
  internship_coordinator: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/classes', label: 'Classes' },
  ],
  main_teacher: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/classes', label: 'Mes classes' },
  ],
  staff: [
    { href: '/equipe', label: 'Tableau de bord' },
    { href: '/equipe/classes', label: 'Classes' },
  ],
}

/** Shown, besides their roles' entries, to the platform's operators (users.platform_admin) only. */
export const platformNavItem: NavItem = { href: '/plateforme', label: 'Plateforme' }

/** Navigation for a person holding these roles, without duplicates, in a stable order. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const seen = new Set<string>()
  const items: NavItem[] = []
  const ordered = (
    [
      'head',
      'admin',
      'coordinator',
      'internship_coordinator',
      'main_teacher',
      'reviewer',
      'tutor',
      'staff',
      'student',
    ] as const
  ).filter((r) => roles.includes(r))
  for (const role of ordered) {
    for (const item of navByRole[role]) {
      if (!seen.has(item.href)) {
        seen.add(item.href)
        items.push(item)
      }
    }
  }
  if (items.length === 0) items.push({ href: '/espace', label: 'Mon espace' })
  return items
}

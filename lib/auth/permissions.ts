import type { Role } from '@/db/schema'

// Who may do what in an establishment. Pages, route handlers and server actions all ask
// this table (through requireMembership / authorize); nothing decides access on its own.
export const permissions = {
  'team.dashboard': [
    'admin',
    'coordinator',
    'reviewer',
    'tutor',
    'head',
    'internship_coordinator',
    'main_teacher',
    'staff',
  ],
  'applications.view': ['admin', 'coordinator', 'reviewer'],
  // Every application of the establishment; the other roles see only those assigned to them.
  'applications.view-all': ['admin', 'coordinator'],
  'applications.export': ['admin', 'coordinator', 'reviewer'],
  'recommendations.read': ['admin', 'coordinator', 'reviewer'],
  'campaigns.view': ['admin', 'coordinator', 'reviewer'],
  'campaigns.edit': ['admin', 'coordinator'],
  // Document verdicts, assignments to reviewers, moving files into review.
  'applications.manage': ['admin', 'coordinator'],
  'reviews.score': ['reviewer', 'coordinator'],
  // Entering a decision and publishing it are separate rights (commission members enter,
  // the coordination publishes).
  'decisions.enter': ['admin', 'coordinator', 'reviewer'],
  'decisions.publish': ['admin', 'coordinator'],
  // The establishment's own settings (name, address, logo, email domains, the cap on
  // applications per candidate).
  'establishment.edit': ['admin', 'head'],
  'members.view': ['admin', 'head'],
  // Inviting staff, changing their roles, removing them (which ends their sessions).
  'members.manage': ['admin', 'head'],
  'audit.view': ['admin', 'head'],
  // The outbox's health (pending, oldest, failures) and re-queuing failed emails.
  'outbox.manage': ['admin'],
  // Lifting a candidate's limit on recommender invitations and replacements.
  'recommendations.lift-limit': ['admin', 'coordinator'],
  // The school's follow-up dashboard: every class, every student, read only (seed 004: the
  // head, and the CPE, librarian, psychologist and administration alike).
  'school.dashboard': ['admin', 'head', 'internship_coordinator', 'staff'],
  // School years, classes and cohorts, main teachers, which classes use internships and when.
  'classes.manage': ['admin', 'head'],
  // The classes page: every class (those seeing every student), or a main teacher's own.
  'classes.view': ['admin', 'head', 'internship_coordinator', 'staff', 'main_teacher'],
  // Every class and every student of the establishment. A main teacher sees their own
  // classes through 'students.view-own' (ownership checked in lib/school).
  'students.view-all': ['admin', 'head', 'internship_coordinator', 'staff'],
  'students.view-own': ['main_teacher'],
  // Importing the student list from the information system's export.
  'students.import': ['admin', 'head'],
  // Sending students their invitations (a main teacher: their classes only).
  'students.invite': ['admin', 'head', 'main_teacher'],
  // Recording, requesting and withdrawing parental consent (a main teacher: their classes only).
  'consents.manage': ['admin', 'head', 'main_teacher'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissions

export const rolesFor = (permission: Permission): readonly Role[] => permissions[permission]

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role)
}

import type { Role } from '@/db/schema'

// Who may do what in an establishment. Pages, route handlers and server actions all ask
// this table (through requireMembership / authorize); nothing decides access on its own.
export const permissions = {
  'team.dashboard': ['admin', 'coordinator', 'reviewer', 'tutor'],
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
  // The establishment's own settings (the cap on applications per candidate).
  'establishment.edit': ['admin'],
  'members.view': ['admin'],
  'audit.view': ['admin'],
  // The outbox's health (pending, oldest, failures) and re-queuing failed emails.
  'outbox.manage': ['admin'],
  // Lifting a candidate's limit on recommender invitations and replacements.
  'recommendations.lift-limit': ['admin', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissions

export const rolesFor = (permission: Permission): readonly Role[] => permissions[permission]

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role)
}

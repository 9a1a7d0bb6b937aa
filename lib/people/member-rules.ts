import type { Role } from '@/db/schema'

// Rules that keep an establishment manageable when roles are taken away:
// - the last person at its head cannot lose that role, nor be removed (by anyone): a school
//   that had a head keeps one;
// - nobody takes away their own administration when they are its last holder.
// Pure: the caller passes who holds head and admin now (read under a lock).

export type RoleHolders = { head: readonly string[]; admin: readonly string[] }

export function removalRefusal(params: {
  actorUserId: string
  targetUserId: string
  /** The roles the change takes away from the target (all of them for a removal). */
  removedRoles: readonly Role[]
  holders: RoleHolders
}): string | null {
  const { actorUserId, targetUserId, removedRoles, holders } = params
  const self = actorUserId === targetUserId
  const othersHolding = (role: 'head' | 'admin') =>
    holders[role].filter((userId) => userId !== targetUserId).length
  if (
    removedRoles.includes('head') &&
    holders.head.includes(targetUserId) &&
    othersHolding('head') === 0
  )
    return self
      ? 'Vous êtes la dernière personne à la direction de l’établissement : nommez d’abord quelqu’un d’autre à la direction.'
      : 'C’est la dernière personne à la direction de l’établissement : nommez d’abord quelqu’un d’autre à la direction.'
  if (self && removedRoles.includes('admin') && othersHolding('admin') === 0)
    return 'Vous êtes la dernière personne à l’administration de l’établissement : nommez d’abord quelqu’un d’autre.'
  return null
}

/** Only the head or an administrator makes someone head of the establishment. */
export function mayGrantRole(actorRoles: readonly Role[], role: Role): boolean {
  if (role === 'head') return actorRoles.includes('head') || actorRoles.includes('admin')
  return true
}

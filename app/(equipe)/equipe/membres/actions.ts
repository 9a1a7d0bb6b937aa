'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import type { StaffContext } from '@/lib/auth/staff-context'
import {
  invitationIdSchema,
  inviteMemberSchema,
  memberRoleSchema,
  memberSchema,
} from '@/lib/people/member-schemas'
import { addMemberRole, removeMember, removeMemberRole } from '@/lib/people/members'
import {
  inviteStaffMember,
  resendStaffInvitation,
  revokeStaffInvitation,
} from '@/lib/people/staff-invitations'

// Every action checks 'members.manage' on its own (the head and admins of the establishment
// this session works in); the lib keeps to that establishment in every WHERE.

const inviter = ({ establishmentId, user, roles }: StaffContext) => ({
  establishmentId,
  userId: user.id,
  name: user.name,
  roles,
})
const actor = ({ establishmentId, user, roles }: StaffContext) => ({
  establishmentId,
  actorUserId: user.id,
  actorRoles: roles,
})
const refresh = () => revalidatePath('/equipe/membres')

export const inviteMemberAction = staffAction(
  'members.manage',
  inviteMemberSchema,
  async (input, context) => {
    const result = await db.transaction((tx) =>
      inviteStaffMember(tx, { ...inviter(context), ...input }),
    )
    refresh()
    return { outsideEmailDomains: result.outsideEmailDomains }
  },
)

export const resendInvitationAction = staffAction(
  'members.manage',
  invitationIdSchema,
  async ({ invitationId }, context) => {
    await db.transaction((tx) => resendStaffInvitation(tx, { ...inviter(context), invitationId }))
    refresh()
  },
)

export const revokeInvitationAction = staffAction(
  'members.manage',
  invitationIdSchema,
  async ({ invitationId }, context) => {
    await db.transaction((tx) =>
      revokeStaffInvitation(tx, {
        establishmentId: context.establishmentId,
        userId: context.user.id,
        invitationId,
      }),
    )
    refresh()
  },
)

export const addMemberRoleAction = staffAction(
  'members.manage',
  memberRoleSchema,
  async ({ userId, role }, context) => {
    await db.transaction((tx) => addMemberRole(tx, { ...actor(context), userId, role }))
    refresh()
  },
)

export const removeMemberRoleAction = staffAction(
  'members.manage',
  memberRoleSchema,
  async ({ userId, role }, context) => {
    await db.transaction((tx) => removeMemberRole(tx, { ...actor(context), userId, role }))
    refresh()
  },
)

export const removeMemberAction = staffAction(
  'members.manage',
  memberSchema,
  async ({ userId }, context) => {
    const result = await db.transaction((tx) => removeMember(tx, { ...actor(context), userId }))
    refresh()
    return result
  },
)

import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { classes, establishments, invitations, memberships, users, type Role } from '@/db/schema'
import { roleLabels } from '@/lib/auth/roles'
import { UserFacingError } from '@/lib/errors'
import { consume } from '@/lib/rate-limit/events'
import { invitableClasses } from './invitable-classes'
import { issueInvitation, revokeInvitation } from './invitations'
import { mayGrantRole } from './member-rules'
import { isOutsideEmailDomains, type StaffRole } from './member-schemas'

// Staff invitations as the members page sends them: checked against who invites (only the
// head or an administrator names a head), the school year's classes (a main teacher's), and
// the roles the person already holds here. The link itself is lib/people/invitations.ts.

type Inviter = {
  establishmentId: string
  userId: string
  name: string | null
  /** The inviter's roles in this establishment. */
  roles: readonly Role[]
}

// The members page must not become a way to flood a mailbox (resend after resend) nor to mail
// many addresses from one account: at most this many staff invitations a day, per address in
// an establishment and per establishment.
export const MAX_STAFF_INVITATIONS_PER_ADDRESS_PER_DAY = 5
export const MAX_STAFF_INVITATIONS_PER_ESTABLISHMENT_PER_DAY = 200
const DAY_MS = 24 * 3600_000
const invitationBuckets = { address: 'staff-invitation-address', school: 'staff-invitation' }

async function countInvitation(tx: Executor, establishmentId: string, email: string, now: Date) {
  const since = new Date(now.getTime() - DAY_MS)
  const refused = await consume(
    tx,
    [
      {
        bucket: invitationBuckets.address,
        key: `${establishmentId}:${email}`,
        max: MAX_STAFF_INVITATIONS_PER_ADDRESS_PER_DAY,
        since,
      },
      {
        bucket: invitationBuckets.school,
        key: establishmentId,
        max: MAX_STAFF_INVITATIONS_PER_ESTABLISHMENT_PER_DAY,
        since,
      },
    ],
    now,
  )
  if (refused?.bucket === invitationBuckets.address)
    throw new UserFacingError(
      `Déjà ${MAX_STAFF_INVITATIONS_PER_ADDRESS_PER_DAY} invitations envoyées à cette adresse en 24 heures : réessayez demain.`,
    )
  if (refused)
    throw new UserFacingError(
      `Déjà ${MAX_STAFF_INVITATIONS_PER_ESTABLISHMENT_PER_DAY} invitations envoyées par l’établissement en 24 heures : réessayez demain.`,
    )
}

export async function inviteStaffMember(
  tx: Executor,
  params: Inviter & { email: string; role: StaffRole; classIds: string[]; now?: Date },
): Promise<{ invitationId: string; outsideEmailDomains: boolean }> {
  const email = params.email.trim().toLowerCase()
  if (!mayGrantRole(params.roles, params.role))
    throw new UserFacingError('Seuls la direction et l’administration invitent à la direction.', {
      role: ['Rôle : seuls la direction et l’administration invitent à la direction.'],
    })
  const [held] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.establishmentId, params.establishmentId),
        eq(memberships.role, params.role),
        sql`lower(${users.email}) = ${email}`,
      ),
    )
    .limit(1)
  if (held)
    throw new UserFacingError('Certains champs sont à corriger.', {
      email: [`Cette personne a déjà le rôle « ${roleLabels[params.role]} » dans l’établissement.`],
    })
  let classIds: string[] = []
  if (params.role === 'main_teacher') {
    const offered = new Set(
      (await invitableClasses(tx, params.establishmentId, params.now)).classes.map((c) => c.id),
    )
    classIds = [...new Set(params.classIds)]
    if (classIds.length === 0 || classIds.some((id) => !offered.has(id)))
      throw new UserFacingError('Certains champs sont à corriger.', {
        classIds: ['Classes : choisissez parmi les classes de l’année scolaire en cours.'],
      })
  }
  await countInvitation(tx, params.establishmentId, email, params.now ?? new Date())
  const [establishment] = await tx
    .select({ emailDomains: establishments.emailDomains })
    .from(establishments)
    .where(eq(establishments.id, params.establishmentId))
  const { id } = await issueInvitation(tx, {
    establishmentId: params.establishmentId,
    email,
    role: params.role,
    classIds,
    invitedByUserId: params.userId,
    invitedByName: params.name,
    now: params.now,
  })
  return {
    invitationId: id,
    outsideEmailDomains: isOutsideEmailDomains(email, establishment?.emailDomains ?? []),
  }
}

export type PendingInvitation = {
  id: string
  email: string
  role: Role
  createdAt: Date
  expiresAt: Date
  invitedBy: string | null
  classNames: string[]
}

/** Staff invitations of the establishment not yet accepted nor withdrawn (expired ones included). */
export async function pendingStaffInvitations(
  db: Executor,
  establishmentId: string,
): Promise<PendingInvitation[]> {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      classIds: invitations.classIds,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      inviterName: users.name,
      inviterEmail: users.email,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.establishmentId, establishmentId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        isNull(invitations.studentId),
        ne(invitations.role, 'student'),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(200)
  const classIds = [...new Set(rows.flatMap((r) => r.classIds))]
  const names = new Map(
    classIds.length > 0
      ? (
          await db
            .select({ id: classes.id, name: classes.name })
            .from(classes)
            .where(and(eq(classes.establishmentId, establishmentId), inArray(classes.id, classIds)))
        ).map((c) => [c.id, c.name])
      : [],
  )
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    invitedBy: r.inviterName ?? r.inviterEmail ?? null,
    classNames: r.classIds.flatMap((id) => names.get(id) ?? []),
  }))
}

const notPending = () =>
  new UserFacingError('Cette invitation n’est plus en attente (acceptée ou retirée).')

/** Sends a pending invitation again with a new link; the old link stops working. */
export async function resendStaffInvitation(
  tx: Executor,
  params: Inviter & { invitationId: string; now?: Date },
): Promise<{ invitationId: string }> {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.id, params.invitationId),
        eq(invitations.establishmentId, params.establishmentId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        isNull(invitations.studentId),
      ),
    )
    .for('update')
  if (!invitation || invitation.role === 'student') throw notPending()
  if (!mayGrantRole(params.roles, invitation.role))
    throw new UserFacingError('Seuls la direction et l’administration invitent à la direction.')
  await countInvitation(
    tx,
    params.establishmentId,
    invitation.email.toLowerCase(),
    params.now ?? new Date(),
  )
  // issueInvitation revokes the pending links of the same address and role: this one included.
  const { id } = await issueInvitation(tx, {
    establishmentId: params.establishmentId,
    email: invitation.email,
    role: invitation.role,
    classIds: invitation.classIds,
    invitedByUserId: params.userId,
    invitedByName: params.name,
    now: params.now,
  })
  return { invitationId: id }
}

/** Withdraws a pending staff invitation of this establishment: its link stops working. */
export async function revokeStaffInvitation(
  tx: Executor,
  params: { establishmentId: string; userId: string; invitationId: string; now?: Date },
) {
  const revoked = await revokeInvitation(tx, {
    id: params.invitationId,
    establishmentId: params.establishmentId,
    actorUserId: params.userId,
    now: params.now,
  })
  if (!revoked) throw notPending()
}

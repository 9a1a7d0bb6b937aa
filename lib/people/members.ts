import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  classMainTeachers,
  classes,
  establishments,
  invitations,
  memberships,
  sessions,
  users,
  type Role,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { roleLabels } from '@/lib/auth/roles'
import { UserFacingError } from '@/lib/errors'
import { mayGrantRole, removalRefusal } from './member-rules'

// The establishment's staff as its head and administrators manage them: who holds which
// roles, adding and taking away a role, removing someone (which signs them out everywhere).
// Every write carries the establishment in its WHERE, is audited, and is refused for a person
// who is not a member here: a head of one school never touches another school's people.

export const MEMBERS_PAGE_SIZE = 25

export type MemberRow = {
  userId: string
  name: string | null
  email: string
  roles: Role[]
  since: Date
  /** A main teacher's classes here. */
  classNames: string[]
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Staff of the establishment, one row per person with all their roles here, searched by name
 * or address, a page at a time. People whose only role is student are listed with the classes.
 */
export async function listMembers(
  db: Executor,
  establishmentId: string,
  options: { q?: string; page?: number } = {},
): Promise<{ rows: MemberRow[]; total: number; page: number; pageCount: number }> {
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const q = options.q?.trim()
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      roles: sql<Role[]>`array_agg(${memberships.role} order by ${memberships.role})`,
      since: sql<Date>`min(${memberships.createdAt})`.mapWith((v: string | Date) => new Date(v)),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.establishmentId, establishmentId),
        q
          ? sql`(${users.email} ilike ${likePattern(q)} or ${users.name} ilike ${likePattern(q)})`
          : undefined,
      ),
    )
    .groupBy(users.id)
    .having(sql`bool_or(${memberships.role} <> 'student')`)
    .orderBy(sql`lower(coalesce(${users.name}, ${users.email}))`, asc(users.email))
    .limit(MEMBERS_PAGE_SIZE)
    .offset((page - 1) * MEMBERS_PAGE_SIZE)
  const total = rows[0]?.total ?? 0
  const classRows =
    rows.length > 0
      ? await db
          .select({ userId: classMainTeachers.userId, name: classes.name })
          .from(classMainTeachers)
          .innerJoin(classes, eq(classes.id, classMainTeachers.classId))
          .where(
            and(
              eq(classes.establishmentId, establishmentId),
              inArray(
                classMainTeachers.userId,
                rows.map((r) => r.userId),
              ),
            ),
          )
          .orderBy(asc(classes.name))
      : []
  return {
    rows: rows.map((row) => ({
      userId: row.userId,
      name: row.name,
      email: row.email,
      since: row.since,
      roles: parseRoles(row.roles),
      classNames: classRows.filter((c) => c.userId === row.userId).map((c) => c.name),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
  }
}

// node-postgres returns an enum array as its text form ("{head,admin}").
function parseRoles(value: Role[] | string): Role[] {
  if (Array.isArray(value)) return value
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean) as Role[]
}

type Change = {
  establishmentId: string
  actorUserId: string
  /** The actor's roles in this establishment (from the staff context). */
  actorRoles: readonly Role[]
  userId: string
}

/** Serializes member changes per establishment and reads who holds head and admin now. */
async function lockAndReadHolders(tx: Executor, establishmentId: string) {
  await tx
    .select({ id: establishments.id })
    .from(establishments)
    .where(eq(establishments.id, establishmentId))
    .for('update')
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.establishmentId, establishmentId),
        inArray(memberships.role, ['head', 'admin']),
      ),
    )
  return {
    head: rows.filter((r) => r.role === 'head').map((r) => r.userId),
    admin: rows.filter((r) => r.role === 'admin').map((r) => r.userId),
  }
}

async function rolesHere(tx: Executor, establishmentId: string, userId: string) {
  const rows = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.establishmentId, establishmentId), eq(memberships.userId, userId)))
    .orderBy(asc(memberships.role))
  return rows.map((r) => r.role)
}

const notAMember = () => new UserFacingError('Cette personne n’est pas membre de l’établissement.')

/** Gives a member of this establishment one more role here. */
export async function addMemberRole(tx: Executor, params: Change & { role: Role }) {
  if (params.role === 'student')
    throw new UserFacingError('Les élèves rejoignent l’établissement par l’import de leur classe.')
  if (!mayGrantRole(params.actorRoles, params.role))
    throw new UserFacingError('Seuls la direction et l’administration nomment à la direction.')
  await lockAndReadHolders(tx, params.establishmentId)
  const current = await rolesHere(tx, params.establishmentId, params.userId)
  if (current.length === 0) throw notAMember()
  if (current.includes(params.role))
    throw new UserFacingError(`Cette personne a déjà le rôle « ${roleLabels[params.role]} ».`)
  await tx.insert(memberships).values({
    userId: params.userId,
    establishmentId: params.establishmentId,
    role: params.role,
  })
  await recordAudit(tx, {
    establishmentId: params.establishmentId,
    actorUserId: params.actorUserId,
    action: 'member.role_added',
    subjectType: 'user',
    subjectId: params.userId,
    before: { roles: current },
    after: { roles: [...current, params.role] },
  })
}

/**
 * Takes one role away from a member here (their other roles stay). Their last role is taken
 * away by removing them, which also ends their sessions. A main teacher losing that role
 * stops being main teacher of this establishment's classes.
 */
export async function removeMemberRole(tx: Executor, params: Change & { role: Role }) {
  const holders = await lockAndReadHolders(tx, params.establishmentId)
  const current = await rolesHere(tx, params.establishmentId, params.userId)
  if (current.length === 0) throw notAMember()
  if (!current.includes(params.role))
    throw new UserFacingError(`Cette personne n’a pas le rôle « ${roleLabels[params.role]} ».`)
  if (current.length === 1)
    throw new UserFacingError(
      'C’est le seul rôle de cette personne ici : pour le lui retirer, retirez-la de l’établissement.',
    )
  const refusal = removalRefusal({
    actorUserId: params.actorUserId,
    targetUserId: params.userId,
    removedRoles: [params.role],
    holders,
  })
  if (refusal) throw new UserFacingError(refusal)
  await tx
    .delete(memberships)
    .where(
      and(
        eq(memberships.establishmentId, params.establishmentId),
        eq(memberships.userId, params.userId),
        eq(memberships.role, params.role),
      ),
    )
  if (params.role === 'main_teacher')
    await leaveClassesHere(tx, params.establishmentId, params.userId)
  await recordAudit(tx, {
    establishmentId: params.establishmentId,
    actorUserId: params.actorUserId,
    action: 'member.role_removed',
    subjectType: 'user',
    subjectId: params.userId,
    before: { roles: current },
    after: { roles: current.filter((r) => r !== params.role) },
  })
}

/**
 * Removes a person from this establishment: every role here, their main-teacher classes here,
 * their pending invitations here, and every one of their sessions, so they are signed out at
 * once on every device (their roles in other establishments stay; they sign in again to use them).
 */
export async function removeMember(
  tx: Executor,
  params: Change,
): Promise<{ sessionsEnded: number }> {
  const holders = await lockAndReadHolders(tx, params.establishmentId)
  const current = await rolesHere(tx, params.establishmentId, params.userId)
  if (current.length === 0) throw notAMember()
  const refusal = removalRefusal({
    actorUserId: params.actorUserId,
    targetUserId: params.userId,
    removedRoles: current,
    holders,
  })
  if (refusal) throw new UserFacingError(refusal)
  const [person] = await tx
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, params.userId))
  await tx
    .delete(memberships)
    .where(
      and(
        eq(memberships.establishmentId, params.establishmentId),
        eq(memberships.userId, params.userId),
      ),
    )
  await leaveClassesHere(tx, params.establishmentId, params.userId)
  // A link still waiting in their mailbox would bring them back: it stops working too.
  const withdrawn = person
    ? await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(invitations.establishmentId, params.establishmentId),
            sql`lower(${invitations.email}) = ${person.email.toLowerCase()}`,
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id })
    : []
  const ended = await tx
    .delete(sessions)
    .where(eq(sessions.userId, params.userId))
    .returning({ token: sessions.sessionToken })
  await recordAudit(tx, {
    establishmentId: params.establishmentId,
    actorUserId: params.actorUserId,
    action: 'member.removed',
    subjectType: 'user',
    subjectId: params.userId,
    before: { email: person?.email ?? null, roles: current },
    after: { sessionsEnded: ended.length, invitationsWithdrawn: withdrawn.length },
  })
  return { sessionsEnded: ended.length }
}

async function leaveClassesHere(tx: Executor, establishmentId: string, userId: string) {
  await tx
    .delete(classMainTeachers)
    .where(
      and(
        eq(classMainTeachers.userId, userId),
        inArray(
          classMainTeachers.classId,
          tx
            .select({ id: classes.id })
            .from(classes)
            .where(eq(classes.establishmentId, establishmentId)),
        ),
      ),
    )
}

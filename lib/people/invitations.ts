import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  auditLog,
  classMainTeachers,
  classes,
  establishments,
  invitations,
  students,
  users,
  type Invitation,
  type Role,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { createDatabaseSession, type CreatedSession } from '@/lib/auth/database-session'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from '@/lib/auth/link-tokens'
import { roleLabels } from '@/lib/auth/roles'
import { appUrl } from '@/lib/config/app-url'
import { UserFacingError } from '@/lib/errors'
import { formatDate } from '@/lib/format'
import { enqueueEmail, enqueuePrepared, prepareEmail } from '@/lib/mail/enqueue'
import { grantMembership } from './memberships'

// Invitations to join an establishment with a role (staff) or as a student. The emailed link
// carries a random token stored hashed; it expires, is used once, and can be revoked.

export const INVITATION_TTL_DAYS = 14
const DAY_MS = 24 * 3600_000

export const invitationUrl = (token: string) => `${appUrl()}/invitation/${token}`

export type IssueInvitation = {
  establishmentId: string
  email: string
  role: Role
  /** Main teacher: the classes they will be main teacher of (of this establishment). */
  classIds?: string[]
  /** Student: the record their account will be linked to. */
  studentId?: string | null
  invitedByUserId: string | null
  /** Name shown in the email ("Mme Durand invites you…"). */
  invitedByName?: string | null
  now?: Date
}

/**
 * Creates an invitation and queues its email in the caller's transaction. Pending invitations
 * of the same address for the same role (and student) are revoked: only the newest link works.
 */
export async function issueInvitation(
  tx: Executor,
  params: IssueInvitation,
): Promise<{ id: string; token: string }> {
  const now = params.now ?? new Date()
  const email = params.email.trim().toLowerCase()
  const [establishment] = await tx
    .select({ name: establishments.name })
    .from(establishments)
    .where(eq(establishments.id, params.establishmentId))
  if (!establishment) throw new Error(`unknown establishment ${params.establishmentId}`)
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.establishmentId, params.establishmentId),
        sql`lower(${invitations.email}) = ${email}`,
        eq(invitations.role, params.role),
        params.studentId
          ? eq(invitations.studentId, params.studentId)
          : isNull(invitations.studentId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
  const { token, hash } = generateLinkToken()
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS)
  const [row] = await tx
    .insert(invitations)
    .values({
      establishmentId: params.establishmentId,
      email,
      role: params.role,
      classIds: params.classIds ?? [],
      studentId: params.studentId ?? null,
      tokenHash: hash,
      expiresAt,
      invitedByUserId: params.invitedByUserId,
      createdAt: now,
    })
    .returning({ id: invitations.id })
  await enqueueEmail(tx, {
    template: 'invitation',
    to: email,
    establishmentId: params.establishmentId,
    props: {
      establishmentName: establishment.name,
      roleLabel: roleLabels[params.role],
      invitedBy: params.invitedByName ?? null,
      url: invitationUrl(token),
      expiresOn: formatDate(expiresAt),
    },
  })
  await recordAudit(tx, {
    establishmentId: params.establishmentId,
    actorUserId: params.invitedByUserId,
    action: 'invitation.sent',
    subjectType: 'invitation',
    subjectId: row!.id,
    after: {
      email,
      role: params.role,
      classIds: params.classIds ?? [],
      studentId: params.studentId,
    },
  })
  return { id: row!.id, token }
}

const BATCH = 500

/**
 * The students' invitations of an import or a class, in the caller's transaction: the same
 * rows, emails and audit entries as `issueInvitation` for each, but written a batch at a time
 * (one revocation, one insert of invitations, of emails and of audit entries per 500), the
 * emails rendered together. Returns how many were invited.
 */
export async function issueStudentInvitations(
  tx: Executor,
  params: {
    establishmentId: string
    students: readonly { id: string; email: string }[]
    invitedByUserId: string | null
    invitedByName?: string | null
    now?: Date
  },
): Promise<number> {
  if (params.students.length === 0) return 0
  const now = params.now ?? new Date()
  const [establishment] = await tx
    .select({ name: establishments.name })
    .from(establishments)
    .where(eq(establishments.id, params.establishmentId))
  if (!establishment) throw new Error(`unknown establishment ${params.establishmentId}`)
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS)
  for (let start = 0; start < params.students.length; start += BATCH) {
    const batch = params.students.slice(start, start + BATCH).map((student) => ({
      ...student,
      email: student.email.trim().toLowerCase(),
      ...generateLinkToken(),
    }))
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.establishmentId, params.establishmentId),
          eq(invitations.role, 'student'),
          inArray(
            invitations.studentId,
            batch.map((b) => b.id),
          ),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
    const rows = await tx
      .insert(invitations)
      .values(
        batch.map((b) => ({
          establishmentId: params.establishmentId,
          email: b.email,
          role: 'student' as const,
          studentId: b.id,
          tokenHash: b.hash,
          expiresAt,
          invitedByUserId: params.invitedByUserId,
          createdAt: now,
        })),
      )
      .returning({ id: invitations.id, studentId: invitations.studentId })
    const emails = await Promise.all(
      batch.map((b) =>
        prepareEmail({
          template: 'invitation',
          to: b.email,
          establishmentId: params.establishmentId,
          props: {
            establishmentName: establishment.name,
            roleLabel: roleLabels.student,
            invitedBy: params.invitedByName ?? null,
            url: invitationUrl(b.token),
            expiresOn: formatDate(expiresAt),
          },
        }),
      ),
    )
    await enqueuePrepared(tx, emails)
    const emailOf = new Map(batch.map((b) => [b.id, b.email]))
    await tx.insert(auditLog).values(
      rows.map((row) => ({
        establishmentId: params.establishmentId,
        actorUserId: params.invitedByUserId,
        action: 'invitation.sent',
        subjectType: 'invitation',
        subjectId: row.id,
        after: {
          email: emailOf.get(row.studentId!),
          role: 'student',
          classIds: [],
          studentId: row.studentId,
        },
      })),
    )
  }
  return params.students.length
}

export type InvitationProblem = 'unknown' | 'expired' | 'used' | 'revoked'

export const invitationProblemMessages: Record<InvitationProblem, string> = {
  unknown: 'Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier.',
  expired:
    'Cette invitation a expiré. Demandez à la personne qui vous a invité·e de vous en envoyer une nouvelle.',
  used: 'Cette invitation a déjà été utilisée. Connectez-vous avec l’adresse à laquelle elle a été envoyée.',
  revoked: 'Cette invitation a été retirée par l’établissement.',
}

export type OpenInvitation = Invitation & { establishmentName: string }

/** The invitation a link opens, or why it opens nothing. */
export async function findInvitation(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<{ ok: true; invitation: OpenInvitation } | { ok: false; problem: InvitationProblem }> {
  if (!looksLikeLinkToken(token)) return { ok: false, problem: 'unknown' }
  const [row] = await db
    .select({ invitation: invitations, establishmentName: establishments.name })
    .from(invitations)
    .innerJoin(establishments, eq(establishments.id, invitations.establishmentId))
    .where(eq(invitations.tokenHash, hashLinkToken(token)))
  if (!row) return { ok: false, problem: 'unknown' }
  const problem = invitationProblem(row.invitation, now)
  if (problem) return { ok: false, problem }
  return { ok: true, invitation: { ...row.invitation, establishmentName: row.establishmentName } }
}

/** What the invitation page shows: the invitation, who sent it, a main teacher's classes. */
export async function invitationDetails(db: Executor, invitation: Invitation) {
  const [inviter] = invitation.invitedByUserId
    ? await db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, invitation.invitedByUserId))
    : []
  const classNames =
    invitation.classIds.length > 0
      ? (
          await db
            .select({ name: classes.name })
            .from(classes)
            .where(
              and(
                eq(classes.establishmentId, invitation.establishmentId),
                inArray(classes.id, invitation.classIds),
              ),
            )
            .orderBy(classes.name)
        ).map((c) => c.name)
      : []
  return { invitedBy: inviter ? (inviter.name ?? inviter.email) : null, classNames }
}

export function invitationProblem(
  invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InvitationProblem | null {
  if (invitation.acceptedAt) return 'used'
  if (invitation.revokedAt) return 'revoked'
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired'
  return null
}

/**
 * Accepts an invitation for the signed-in person, whose address must be the invited one:
 * creates the membership (a main teacher's classes, a student's link to their record) and
 * marks the invitation used, in one transaction. A second acceptance finds it used.
 */
export async function acceptInvitation(
  db: Database,
  params: { token: string; userId: string; userEmail: string; now?: Date },
): Promise<{ establishmentId: string; role: Role }> {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const invitation = await lockUsableInvitation(tx, params.token, now)
    if (invitation.email.toLowerCase() !== params.userEmail.trim().toLowerCase())
      throw new UserFacingError(
        `Cette invitation a été envoyée à ${invitation.email}. Connectez-vous avec cette adresse pour l’accepter.`,
      )
    return grantInvitation(tx, invitation, params.userId, now)
  })
}

/**
 * Accepts an invitation for someone who is not signed in, and signs them in: the link was
 * emailed to the invited address, is used once and expires, which proves the mailbox exactly
 * as a sign-in link does. The account is created on first use (address verified now); the
 * session is a database session like Auth.js's, working in the establishment just joined.
 * Everything commits together: no membership without its session, no session for a used link.
 */
export async function acceptInvitationAsInvitee(
  db: Database,
  params: { token: string; now?: Date },
): Promise<{ establishmentId: string; role: Role; userId: string; session: CreatedSession }> {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const invitation = await lockUsableInvitation(tx, params.token, now)
    const email = invitation.email.trim().toLowerCase()
    const [existing] = await tx
      .select({ id: users.id, emailVerified: users.emailVerified })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1)
    const [user] = existing
      ? [existing]
      : await tx
          .insert(users)
          .values({ email, emailVerified: now })
          .returning({ id: users.id, emailVerified: users.emailVerified })
    if (!user) throw new Error(`no account for ${email}`)
    if (!user.emailVerified)
      await tx.update(users).set({ emailVerified: now }).where(eq(users.id, user.id))
    const granted = await grantInvitation(tx, invitation, user.id, now)
    const session = await createDatabaseSession(tx, {
      userId: user.id,
      activeEstablishmentId: invitation.establishmentId,
      now,
    })
    return { ...granted, userId: user.id, session }
  })
}

/** The invitation a token opens, locked for this transaction; refused with the reason otherwise. */
async function lockUsableInvitation(tx: Executor, token: string, now: Date): Promise<Invitation> {
  const [invitation] = looksLikeLinkToken(token)
    ? await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashLinkToken(token)))
        .for('update')
    : []
  if (!invitation) throw new UserFacingError(invitationProblemMessages.unknown)
  const problem = invitationProblem(invitation, now)
  if (problem) throw new UserFacingError(invitationProblemMessages[problem])
  return invitation
}

async function grantInvitation(tx: Executor, invitation: Invitation, userId: string, now: Date) {
  await grantMembership(tx, {
    userId,
    establishmentId: invitation.establishmentId,
    role: invitation.role,
  })
  if (invitation.role === 'main_teacher' && invitation.classIds.length > 0) {
    const own = await tx
      .select({ id: classes.id })
      .from(classes)
      .where(
        and(
          eq(classes.establishmentId, invitation.establishmentId),
          inArray(classes.id, invitation.classIds),
        ),
      )
    if (own.length > 0)
      await tx
        .insert(classMainTeachers)
        .values(own.map((c) => ({ classId: c.id, userId })))
        .onConflictDoNothing()
  }
  if (invitation.studentId)
    await tx
      .update(students)
      .set({ userId })
      .where(
        and(
          eq(students.id, invitation.studentId),
          eq(students.establishmentId, invitation.establishmentId),
        ),
      )
  await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedByUserId: userId })
    .where(eq(invitations.id, invitation.id))
  await recordAudit(tx, {
    establishmentId: invitation.establishmentId,
    actorUserId: userId,
    action: 'invitation.accepted',
    subjectType: 'invitation',
    subjectId: invitation.id,
    after: { role: invitation.role },
  })
  return { establishmentId: invitation.establishmentId, role: invitation.role }
}

/** Revokes a pending invitation of this establishment; false when there was none to revoke. */
export async function revokeInvitation(
  tx: Executor,
  params: { id: string; establishmentId: string; actorUserId: string; now?: Date },
): Promise<boolean> {
  const now = params.now ?? new Date()
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.id, params.id),
        eq(invitations.establishmentId, params.establishmentId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id })
  if (rows.length === 0) return false
  await recordAudit(tx, {
    establishmentId: params.establishmentId,
    actorUserId: params.actorUserId,
    action: 'invitation.revoked',
    subjectType: 'invitation',
    subjectId: params.id,
  })
  return true
}

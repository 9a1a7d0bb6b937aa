import { and, eq } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { establishmentNotices, users, type NoticeKind } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { rolesFor } from '@/lib/auth/permissions'
import { AuthorizationError } from '@/lib/errors'
import type { EstablishmentRef } from '@/lib/establishments/establishments'
import { hasRole } from './memberships'
import { defaultNotice } from './notices-defaults'
import type { Actor } from '@/lib/auth/actor'

export type Notice = {
  kind: NoticeKind
  body: string
  /** True when the establishment has no text of its own (or none was asked for). */
  isDefault: boolean
  updatedAt: Date | null
  updatedByName: string | null
  establishment: EstablishmentRef | null
}

/** The text of a footer page: the establishment's own, else the platform's naming it; the platform's alone without an establishment. */
export async function noticeOf(
  db: Executor,
  kind: NoticeKind,
  establishment: EstablishmentRef | null,
): Promise<Notice> {
  if (!establishment)
    return {
      kind,
      body: defaultNotice(kind, null),
      isDefault: true,
      updatedAt: null,
      updatedByName: null,
      establishment: null,
    }
  const [row] = await db
    .select({
      body: establishmentNotices.body,
      updatedAt: establishmentNotices.updatedAt,
      name: users.name,
      email: users.email,
    })
    .from(establishmentNotices)
    .leftJoin(users, eq(users.id, establishmentNotices.updatedByUserId))
    .where(
      and(
        eq(establishmentNotices.establishmentId, establishment.id),
        eq(establishmentNotices.kind, kind),
      ),
    )
  if (!row)
    return {
      kind,
      body: defaultNotice(kind, establishment),
      isDefault: true,
      updatedAt: null,
      updatedByName: null,
      establishment,
    }
  return {
    kind,
    body: row.body,
    isDefault: false,
    updatedAt: row.updatedAt,
    updatedByName: row.name ?? row.email,
    establishment,
  }
}

// Admins edit their own establishment's texts only; the check is repeated here so no caller
// can write another establishment's notice by passing its id.
async function assertCanEdit(db: Executor, actor: Actor) {
  if (
    !(await hasRole(db, actor.actorUserId, actor.establishmentId, rolesFor('establishment.edit')))
  )
    throw new AuthorizationError('forbidden')
}

/** Replaces the establishment's text for `kind` (the first save replaces the platform's). */
export async function saveNotice(
  db: Database,
  actor: Actor,
  input: { kind: NoticeKind; body: string },
) {
  await db.transaction(async (tx) => {
    await assertCanEdit(tx, actor)
    const where = and(
      eq(establishmentNotices.establishmentId, actor.establishmentId),
      eq(establishmentNotices.kind, input.kind),
    )
    const [before] = await tx
      .select({ body: establishmentNotices.body })
      .from(establishmentNotices)
      .where(where)
      .for('update')
    if (before?.body === input.body) return
    await tx
      .insert(establishmentNotices)
      .values({
        establishmentId: actor.establishmentId,
        kind: input.kind,
        body: input.body,
        updatedByUserId: actor.actorUserId,
      })
      .onConflictDoUpdate({
        target: [establishmentNotices.establishmentId, establishmentNotices.kind],
        set: { body: input.body, updatedByUserId: actor.actorUserId, updatedAt: new Date() },
      })
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'notice.updated',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
      before: { kind: input.kind, body: before?.body ?? null },
      after: { kind: input.kind, body: input.body },
    })
  })
}

/** Goes back to the platform's text for `kind`. */
export async function resetNotice(db: Database, actor: Actor, kind: NoticeKind) {
  await db.transaction(async (tx) => {
    await assertCanEdit(tx, actor)
    const [removed] = await tx
      .delete(establishmentNotices)
      .where(
        and(
          eq(establishmentNotices.establishmentId, actor.establishmentId),
          eq(establishmentNotices.kind, kind),
        ),
      )
      .returning({ body: establishmentNotices.body })
    if (!removed) return
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'notice.reset',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
      before: { kind, body: removed.body },
      after: { kind, body: null },
    })
  })
}

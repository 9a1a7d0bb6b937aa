import { eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { applications, type Application } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { transition, type Party, type ApplicationState } from './application-status'

export type StatusChange = {
  applicationId: string
  to: ApplicationState
  /** Who moves it (the transition table's `by`). */
  by: Party
  actorUserId?: string | null
  actorLabel?: string | null
  /** Other columns changed with the status (decision date, waitlist rank…). */
  set?: Partial<
    Pick<
      Application,
      'waitlistRank' | 'responseDeadline' | 'decidedAt' | 'answeredAt' | 'withdrawnAt'
    >
  >
  /** Extra facts for the audit entry (motivation, decision id…). */
  details?: Record<string, unknown>
  now?: Date
  ip?: string | null
  userAgent?: string | null
}

/** The application row, locked for the rest of the caller's transaction. */
export async function lockApplication(tx: Executor, applicationId: string): Promise<Application> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update')
  if (!row) throw new UserFacingError('Candidature introuvable.')
  return row
}

/**
 * The one way an application changes state after submission: lock the row, ask the state
 * machine (an illegal move throws with the reason, in French), write the new state and the
 * audit entry. Call it inside the transaction that queues the emails the change triggers.
 */
export async function changeStatus(
  tx: Executor,
  change: StatusChange,
): Promise<{ before: Application; from: ApplicationState; to: ApplicationState; reason: string }> {
  const before = await lockApplication(tx, change.applicationId)
  return { before, ...(await changeLockedStatus(tx, before, change)) }
}

/**
 * `changeStatus` for a caller that already holds the application's row lock and read its
 * state under it (the completeness review): the same checks and writes, without reading the
 * row a second time.
 */
export async function changeLockedStatus(
  tx: Executor,
  locked: Pick<Application, 'status' | 'establishmentId'>,
  change: StatusChange,
): Promise<{ from: ApplicationState; to: ApplicationState; reason: string }> {
  const now = change.now ?? new Date()
  const move = transition(locked.status, change.to, change.by)
  await tx
    .update(applications)
    .set({ status: change.to, updatedAt: now, ...change.set })
    .where(eq(applications.id, change.applicationId))
  await recordAudit(tx, {
    establishmentId: locked.establishmentId,
    actorUserId: change.actorUserId ?? null,
    actorLabel: change.actorLabel ?? (change.by === 'system' ? 'Tremplin (automatique)' : null),
    action: 'application.status_changed',
    subjectType: 'application',
    subjectId: change.applicationId,
    before: { status: move.from },
    after: { status: move.to, reason: move.reason, ...change.details },
    ip: change.ip ?? null,
    userAgent: change.userAgent ?? null,
  })
  return move
}

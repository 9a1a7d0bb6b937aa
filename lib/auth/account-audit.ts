import { and, eq, ne } from 'drizzle-orm'
import type { Executor } from '@/db'
import { memberships } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'

export type AccountAuditAction =
  | 'auth.signed_in'
  | 'auth.signed_out'
  | 'auth.signed_out_everywhere'
  | 'session.expired'
  | 'two_factor.enabled'
  | 'two_factor.disabled'
  | 'two_factor.failed'
  | 'two_factor.recovery_code_used'

/** The establishments where the person holds a staff role (not only 'student'). */
export async function staffEstablishmentsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ establishmentId: memberships.establishmentId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.role, 'student')))
  return rows.map((r) => r.establishmentId)
}

/**
 * An event of a person's account (sign-in, sign-out, two-factor, end of session). Each
 * establishment browses its own log, so the entry is written once for every establishment
 * where the person is staff; a candidate's goes to the platform's log (no establishment).
 */
export async function recordAccountEvent(
  db: Executor,
  params: {
    userId: string
    action: AccountAuditAction
    after?: Record<string, unknown>
    ip?: string | null
    userAgent?: string | null
  },
) {
  const establishmentIds = await staffEstablishmentsOf(db, params.userId)
  for (const establishmentId of establishmentIds.length ? establishmentIds : [null]) {
    await recordAudit(db, {
      establishmentId,
      actorUserId: params.userId,
      action: params.action,
      subjectType: 'user',
      subjectId: params.userId,
      after: params.after ?? null,
      ip: params.ip ?? null,
      userAgent: params.userAgent ?? null,
    })
  }
}

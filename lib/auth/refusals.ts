import { db } from '@/db'
import { recordAudit } from '@/lib/audit/record'
import { requestContext } from '@/lib/http/request-context'

/**
 * A signed-in person refused a staff page, action or route (403) goes on record in the
 * establishment they were working in: one entry per refusal. Recording must never turn the
 * refusal into an error page: a failure is logged and the refusal stands.
 */
export async function recordRefusal(
  person: { user: { id: string }; establishmentId: string | null },
  refused: { permission: string; via: 'page' | 'action' | 'route' },
) {
  try {
    const { ip, userAgent } = await requestContext().catch(() => ({ ip: null, userAgent: null }))
    await recordAudit(db, {
      establishmentId: person.establishmentId,
      actorUserId: person.user.id,
      action: 'access.refused',
      subjectType: 'permission',
      subjectId: refused.permission,
      after: { via: refused.via },
      ip,
      userAgent,
    })
  } catch (error) {
    console.error('[audit] refusal not recorded', error)
  }
}

import type { Database } from '@/db'
import { UserFacingError } from '@/lib/errors'
import { ownApplication } from './candidate-tracking'
import { changeStatus, lockApplication } from './status-change'
import { promoteNext } from './waitlist'

/** The candidate accepts the place offered. */
export async function confirmPlace(
  db: Database,
  params: {
    userId: string
    applicationId: string
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
) {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const own = await ownApplication(tx, params.userId, params.applicationId)
    if (!own) throw new UserFacingError('Candidature introuvable.')
    const app = await lockApplication(tx, own.application.id)
    if (app.status === 'admitted' && app.responseDeadline && app.responseDeadline <= now)
      throw new UserFacingError('Le délai de réponse est dépassé : la place n’est plus réservée.')
    await changeStatus(tx, {
      applicationId: app.id,
      to: 'confirmed',
      by: 'candidate',
      actorUserId: params.userId,
      now,
      set: { answeredAt: now },
      ip: params.ip,
      userAgent: params.userAgent,
    })
  })
}

/**
 * The candidate gives up: before a decision, a waiting-list place, or a place offered or
 * confirmed. Giving up a place offers it to the next on the waiting list.
 */
export async function withdraw(
  db: Database,
  params: {
    userId: string
    applicationId: string
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
) {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const own = await ownApplication(tx, params.userId, params.applicationId)
    if (!own) throw new UserFacingError('Candidature introuvable.')
    const { from } = await changeStatus(tx, {
      applicationId: own.application.id,
      to: 'withdrawn',
      by: 'candidate',
      actorUserId: params.userId,
      now,
      set: { withdrawnAt: now, answeredAt: now },
      ip: params.ip,
      userAgent: params.userAgent,
    })
    const promoted =
      from === 'admitted' || from === 'confirmed'
        ? await promoteNext(tx, own.application.campaignId, now)
        : null
    return { promoted }
  })
}

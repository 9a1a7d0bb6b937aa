import { and, asc, eq, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  applicationDocuments,
  applications,
  campaignDocuments,
  reviewAssignments,
} from '@/db/schema'
import { canTransition, type ApplicationState } from './application-status'
import { changeLockedStatus } from './status-change'

export type RequiredPiece = {
  id: string
  name: string
  state: 'missing' | 'pending' | 'valid' | 'refused'
}

/** Each required document of the application's campaign and where it stands. */
export async function requiredPieces(
  db: Executor,
  applicationId: string,
  campaignId: string,
): Promise<RequiredPiece[]> {
  const rows = await db
    .select({
      id: campaignDocuments.id,
      name: campaignDocuments.name,
      status: applicationDocuments.status,
    })
    .from(campaignDocuments)
    .leftJoin(
      applicationDocuments,
      and(
        eq(applicationDocuments.campaignDocumentId, campaignDocuments.id),
        eq(applicationDocuments.applicationId, applicationId),
      ),
    )
    .where(and(eq(campaignDocuments.campaignId, campaignId), eq(campaignDocuments.required, true)))
    .orderBy(asc(campaignDocuments.position))
  return rows.map((r) => ({ id: r.id, name: r.name, state: r.status ?? 'missing' }))
}

/**
 * A required element the file still lacks: a document never given, or refused and to be
 * replaced. Data only: `completeness-messages.ts` words it for the form and the emails.
 */
export type MissingItem = { kind: 'document'; name: string; state: 'missing' | 'refused' }

/** What stops a draft from being submitted (empty when it can be). */
export async function missingItems(
  db: Executor,
  applicationId: string | undefined,
  campaignId: string,
): Promise<MissingItem[]> {
  if (!applicationId) {
    const required = await db
      .select({ name: campaignDocuments.name })
      .from(campaignDocuments)
      .where(
        and(eq(campaignDocuments.campaignId, campaignId), eq(campaignDocuments.required, true)),
      )
      .orderBy(asc(campaignDocuments.position))
    return required.map((d) => ({ kind: 'document', name: d.name, state: 'missing' }))
  }
  const pieces = await requiredPieces(db, applicationId, campaignId)
  return pieces.flatMap((p): MissingItem[] =>
    p.state === 'missing' || p.state === 'refused'
      ? [{ kind: 'document', name: p.name, state: p.state }]
      : [],
  )
}

/**
 * What the file's completeness says its state should be: a missing or refused required
 * document makes it incomplete; every required document accepted and every recommendation
 * received makes it complete; anything else waits (pieces still to check).
 */
export function completenessVerdict(
  pieces: Pick<RequiredPiece, 'state'>[],
  recommendations: { received: number; required: number },
): 'incomplete' | 'complete' | 'waiting' {
  if (pieces.some((p) => p.state === 'missing' || p.state === 'refused')) return 'incomplete'
  if (
    pieces.every((p) => p.state === 'valid') &&
    recommendations.received >= recommendations.required
  )
    return 'complete'
  return 'waiting'
}

/**
 * Re-reads the file after a document verdict, a replaced document or a received
 * recommendation, and moves it to "incomplète" or "complète" when that is what it has
 * become (through the state machine; nothing happens in states where it does not apply); a
 * file that becomes complete while assigned to reviewers goes under review at once.
 *
 * One query, which locks the application's row: its recommendation counts are kept on the
 * row by the database (migration 0010), and a received recommendation has already locked
 * it in this transaction, so two arriving at once are counted one after the other.
 */
export async function reviewCompleteness(
  tx: Executor,
  applicationId: string,
  options: { now?: Date } = {},
): Promise<ApplicationState | null> {
  const [app] = await tx
    .select({
      status: applications.status,
      establishmentId: applications.establishmentId,
      received: applications.receivedRecommendations,
      required: applications.requiredRecommendations,
      // The state of each required document of the campaign, as `requiredPieces` gives it.
      pieceStates: sql<RequiredPiece['state'][]>`array(
        select coalesce(d.status::text, 'missing') from ${campaignDocuments} c
        left join ${applicationDocuments} d
          on d.campaign_document_id = c.id and d.application_id = ${applications}.id
        where c.campaign_id = ${applications}.campaign_id and c.required
        order by c.position)`,
      assigned: sql<number>`(select count(*)::int from ${reviewAssignments} a
        where a.application_id = ${applications}.id)`,
    })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update')
  if (!app) return null
  const pieces = app.pieceStates.map((state) => ({ state }))
  const verdict = completenessVerdict(pieces, app)
  if (
    verdict === 'waiting' ||
    verdict === app.status ||
    !canTransition(app.status, verdict, 'system')
  )
    return null
  const now = options.now ?? new Date()
  await changeLockedStatus(tx, app, { applicationId, to: verdict, by: 'system', now })
  // Already in a reviewer's hands: the examination starts at once (as `startReviewIfReady`).
  if (
    verdict === 'complete' &&
    app.assigned > 0 &&
    canTransition(verdict, 'under_review', 'system')
  )
    await changeLockedStatus(
      tx,
      { ...app, status: verdict },
      { applicationId, to: 'under_review', by: 'system', now },
    )
  return verdict
}

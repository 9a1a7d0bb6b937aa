import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import {
  admissionCampaigns,
  applications,
  emailOutbox,
  programmes,
  reviewAssignments,
  users,
} from '@/db/schema'
import { appUrl } from '@/lib/config/settings'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { pendingStates } from './application-status'
import { missingItems } from './completeness'
import { missingItemLabel } from './completeness-messages'

const DAY = 86_400_000
export const FILE_REMINDER_STEPS = [7, 3, 1] as const

/** The latest reminder step due at `now` for a campaign closing at `closesAt` (7, 3, 1), or null. */
export function dueStep(closesAt: Date, now: Date, createdAt: Date): number | null {
  const left = closesAt.getTime() - now.getTime()
  if (left <= 0 || left > FILE_REMINDER_STEPS[0] * DAY) return null
  const step = left <= DAY ? 1 : left <= 3 * DAY ? 3 : 7
  // A step already past when the file was started is skipped.
  return createdAt.getTime() <= closesAt.getTime() - step * DAY ? step : null
}

/**
 * Candidates whose file is still a draft or incomplete, 7, 3 and 1 days before the campaign
 * closes. Exactly once per step: the outbox's unique dedupe key decides, and the file is
 * locked and re-checked in its own transaction.
 */
export async function sendFileReminders(
  db: Database,
  now: Date = new Date(),
  options: { batch?: number } = {},
) {
  // The step due now, in SQL too, so that files already reminded for it are not fetched
  // again: a batch never fills up with files that need nothing.
  const currentStep = sql`(case when ${admissionCampaigns.closesAt} - ${now.toISOString()}::timestamptz <= interval '1 day' then 1
    when ${admissionCampaigns.closesAt} - ${now.toISOString()}::timestamptz <= interval '3 days' then 3 else 7 end)`
  const candidates = await db
    .select({
      id: applications.id,
      closesAt: admissionCampaigns.closesAt,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .where(
      and(
        inArray(applications.status, ['draft', 'incomplete']),
        gt(admissionCampaigns.closesAt, now),
        lte(admissionCampaigns.closesAt, new Date(now.getTime() + 7 * DAY)),
        sql`not exists (select 1 from ${emailOutbox} where ${emailOutbox.dedupeKey} = 'file-reminder:' || ${applications.id} || ':j-' || ${currentStep})`,
      ),
    )
    .orderBy(asc(admissionCampaigns.closesAt), asc(applications.id))
    .limit(options.batch ?? 500)
  let sent = 0
  for (const c of candidates) {
    const step = dueStep(c.closesAt, now, c.createdAt)
    if (!step) continue
    const key = `file-reminder:${c.id}:j-${step}`
    const queued = await db.transaction(async (tx) => {
      const [app] = await tx
        .select({
          application: applications,
          programmeName: programmes.name,
          closesAt: admissionCampaigns.closesAt,
        })
        .from(applications)
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
        .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
        .where(
          and(eq(applications.id, c.id), inArray(applications.status, ['draft', 'incomplete'])),
        )
        .for('update', { of: applications, skipLocked: true })
      if (!app) return false
      const a = app.application
      const missing = (await missingItems(tx, a.id, a.campaignId)).map(missingItemLabel)
      const id = await enqueueEmail(tx, {
        template: 'file-reminder',
        to: a.email,
        establishmentId: a.establishmentId,
        dedupeKey: key,
        props: {
          candidateName: a.firstName ?? '',
          programmeName: app.programmeName,
          closesOn: formatDate(app.closesAt),
          daysLeft: step,
          draft: a.status === 'draft',
          missing,
          url:
            a.status === 'draft'
              ? `${appUrl()}/candidature/${a.campaignId}`
              : `${appUrl()}/espace/candidatures/${a.id}`,
        },
      })
      return Boolean(id)
    })
    if (queued) sent++
  }
  return sent
}

/**
 * Reviewers with files assigned for more than three days and not yet scored: one email
 * naming how many files wait, and each file is the reason for a reminder exactly once
 * (`reminded_at`, set in the transaction that queues the email). Nothing for a scored or
 * decided file; a file assigned later brings its own reminder.
 */
export async function sendReviewerReminders(db: Database, now: Date = new Date()) {
  const due = and(
    isNull(reviewAssignments.completedAt),
    isNull(reviewAssignments.remindedAt),
    inArray(applications.status, pendingStates),
    lte(reviewAssignments.createdAt, new Date(now.getTime() - 3 * DAY)),
  )
  const reviewers = await db
    .selectDistinct({
      reviewerId: reviewAssignments.reviewerUserId,
      establishmentId: applications.establishmentId,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .where(due)
  let sent = 0
  for (const r of reviewers) {
    const queued = await db.transaction(async (tx) => {
      const mine = and(
        eq(reviewAssignments.reviewerUserId, r.reviewerId),
        eq(applications.establishmentId, r.establishmentId),
      )
      const fresh = await tx
        .select({ id: reviewAssignments.id })
        .from(reviewAssignments)
        .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
        .where(and(due, mine))
        .for('update', { of: reviewAssignments, skipLocked: true })
      if (fresh.length === 0) return false
      const [waiting] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(reviewAssignments)
        .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
        .where(
          and(
            mine,
            isNull(reviewAssignments.completedAt),
            inArray(applications.status, pendingStates),
          ),
        )
      const [reviewer] = await tx
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(eq(users.id, r.reviewerId))
      const ids = fresh.map((f) => f.id).sort()
      await enqueueEmail(tx, {
        template: 'reviewer-reminder',
        to: reviewer!.email,
        establishmentId: r.establishmentId,
        dedupeKey: `reviewer-reminder:${ids[0]}:${ids.length}`,
        props: {
          reviewerName: reviewer!.name ?? '',
          pending: waiting?.n ?? fresh.length,
          url: `${appUrl()}/equipe/examen`,
        },
      })
      await tx
        .update(reviewAssignments)
        .set({ remindedAt: now })
        .where(inArray(reviewAssignments.id, ids))
      return true
    })
    if (queued) sent++
  }
  return sent
}

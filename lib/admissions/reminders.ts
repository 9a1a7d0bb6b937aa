import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { admissionCampaigns, applications, emailOutbox, programmes, reviewAssignments, users } from '@/db/schema'
import { appUrl } from '@/lib/config/settings'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { pendingStates } from './application-status'
import { submissionBlockers } from './completeness'

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
export async function sendFileReminders(db: Database, now: Date = new Date(), options: { batch?: number } = {}) {
  // The step due now, in SQL too, so that files already reminded for it are not fetched
  // again: a batch never fills up with files that need nothing.
  const currentStep = sql`(case when ${admissionCampaigns.closesAt} - ${now.toISOString()}::timestamptz <= interval '1 day' then 1
    when ${admissionCampaigns.closesAt} - ${now.toISOString()}::timestamptz <= interval '3 days' then 3 else 7 end)`
  const candidates = await db
    .select({ id: applications.id, closesAt: admissionCampaigns.closesAt, createdAt: applications.createdAt })
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
        .select({ application: applications, programmeName: programmes.name, closesAt: admissionCampaigns.closesAt })
        .from(applications)
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
        .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
        .where(and(eq(applications.id, c.id), inArray(applications.status, ['draft', 'incomplete'])))
        .for('update', { of: applications, skipLocked: true })
      if (!app) return false
      const a = app.application
      const missing = (await submissionBlockers(tx, a.id, a.campaignId)).map((m) => m.replace(/^Pièce (manquante|à remplacer) : /, '').replace(/\.$/, ''))
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
          url: a.status === 'draft' ? `${appUrl()}/candidature/${a.campaignId}` : `${appUrl()}/espace/candidatures/${a.id}`,
        },
      })
      return Boolean(id)
    })
    if (queued) sent++
  }
  return sent
}

/** Monday of the week of `now` (UTC), naming the weekly reminder. */
export const weekOf = (now: Date) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/**
 * Reviewers with files assigned for more than three days and not yet scored: one email a
 * week, listing how many. Nothing once every file is scored or decided.
 */
export async function sendReviewerReminders(db: Database, now: Date = new Date()) {
  const rows = await db
    .select({ reviewerId: reviewAssignments.reviewerUserId, email: users.email, name: users.name, establishmentId: applications.establishmentId, pending: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
    .where(and(isNull(reviewAssignments.completedAt), inArray(applications.status, pendingStates), lte(reviewAssignments.createdAt, new Date(now.getTime() - 3 * DAY))))
    .groupBy(reviewAssignments.reviewerUserId, users.email, users.name, applications.establishmentId)
  let sent = 0
  for (const r of rows) {
    const key = `reviewer-reminder:${r.reviewerId}:${r.establishmentId}:${weekOf(now)}`
    const [already] = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, key))
    if (already) continue
    const id = await enqueueEmail(db, { template: 'reviewer-reminder', to: r.email, establishmentId: r.establishmentId, dedupeKey: key, props: { reviewerName: r.name ?? '', pending: r.pending, url: `${appUrl()}/equipe/examen` } })
    if (id) sent++
  }
  return sent
}

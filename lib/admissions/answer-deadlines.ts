import { and, asc, eq, lte, or, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { applications, emailOutbox } from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { decisionContext } from './decision-email'
import { changeStatus } from './status-change'
import { promoteNext } from './waitlist'

const DAY = 86_400_000
export const REMINDER_BEFORE_DEADLINE_MS = 2 * DAY
const reminderKey = (applicationId: string, deadline: Date) =>
  `decision-reminder:${applicationId}:${deadline.toISOString()}`

/**
 * Admitted candidates who have not answered: a reminder two days before their answer date
 * (once per date), then, once the date has passed and the reminder went out, the automatic
 * withdrawal that offers the place to the next on the waiting list. Each file in its own
 * transaction, locked and re-checked: safe when two schedulers run at once.
 */
export async function runDecisionDeadlines(
  db: Database,
  now: Date = new Date(),
  options: { batch?: number } = {},
) {
  const due = await db
    .select({ id: applications.id, deadline: applications.responseDeadline })
    .from(applications)
    .where(
      and(
        eq(applications.status, 'admitted'),
        lte(applications.responseDeadline, new Date(now.getTime() + REMINDER_BEFORE_DEADLINE_MS)),
        // Reminded files whose date has not passed need nothing yet: leave them out of the batch.
        or(
          lte(applications.responseDeadline, now),
          sql`not exists (select 1 from ${emailOutbox} where ${emailOutbox.dedupeKey} = 'decision-reminder:' || ${applications.id} || ':' || to_char(${applications.responseDeadline} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
        ),
      ),
    )
    .orderBy(asc(applications.responseDeadline), asc(applications.id))
    .limit(options.batch ?? 200)
  let reminded = 0
  let withdrawn = 0
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [app] = await tx
        .select()
        .from(applications)
        .where(eq(applications.id, id))
        .for('update', { skipLocked: true })
      if (!app || app.status !== 'admitted' || !app.responseDeadline) return
      const context = await decisionContext(tx, app.campaignId)
      const key = reminderKey(app.id, app.responseDeadline)
      const [sent] = await tx
        .select({ createdAt: emailOutbox.createdAt })
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, key))
      if (!sent) {
        const queued = await enqueueEmail(tx, {
          template: 'decision-reminder',
          to: app.email,
          establishmentId: app.establishmentId,
          dedupeKey: key,
          props: {
            candidateName: app.firstName ?? '',
            programmeName: context.programmeName,
            establishmentName: context.establishmentName,
            deadline: formatDate(app.responseDeadline),
            url: `${appUrl()}/espace/candidatures/${app.id}`,
          },
        })
        if (queued) {
          reminded++
          await recordAudit(tx, {
            establishmentId: app.establishmentId,
            actorLabel: 'Tremplin (automatique)',
            action: 'decision.reminded',
            subjectType: 'application',
            subjectId: app.id,
            after: { deadline: app.responseDeadline },
          })
        }
        return
      }
      if (app.responseDeadline > now) return
      await changeStatus(tx, {
        applicationId: app.id,
        to: 'auto_withdrawn',
        by: 'system',
        now,
        set: { withdrawnAt: now },
      })
      await enqueueEmail(tx, {
        template: 'place-released',
        to: app.email,
        establishmentId: app.establishmentId,
        dedupeKey: `place-released:${app.id}`,
        props: {
          candidateName: app.firstName ?? '',
          programmeName: context.programmeName,
          establishmentName: context.establishmentName,
          deadline: formatDate(app.responseDeadline),
        },
      })
      await promoteNext(tx, app.campaignId, now)
      withdrawn++
    })
  }
  return { reminded, withdrawn }
}

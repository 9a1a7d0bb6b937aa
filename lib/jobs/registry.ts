import { runDecisionDeadlines } from '@/lib/admissions/answer-deadlines'
import { sendFileReminders, sendReviewerReminders } from '@/lib/admissions/reminders'
import { dispatchDueEmails } from '@/lib/mail/dispatch'
import { pruneEvents } from '@/lib/rate-limit/events'
import { invitationBuckets } from '@/lib/recommendations/invitation-limits'
import { sendDueReminders } from '@/lib/recommendations/reminders'
import { sendDueConsentReminders } from '@/lib/school/consent-reminders'
import type { Job } from './tick'
// The files the dispatcher joins to emails, registered by their domains.
import '@/lib/admissions/decision-letter-attachment'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Every background job of the app, in the order a tick runs them. Reminders and deadlines
 * follow rules counted in days and are exactly-once by their own keys, so once a minute is
 * plenty; the mail goes out on every tick.
 */
export const jobs: readonly Job[] = [
  {
    name: 'mail',
    everyMs: 0,
    // What the jobs below queue leaves with the next tick's dispatch.
    run: (db, { now, transport }) => dispatchDueEmails(db, transport, { now }),
  },
  {
    name: 'recommendation-reminders',
    everyMs: MINUTE,
    run: async (db, { now }) => ({ sent: await sendDueReminders(db, now) }),
  },
  {
    name: 'file-reminders',
    everyMs: MINUTE,
    run: async (db, { now }) => ({ sent: await sendFileReminders(db, now) }),
  },
  {
    name: 'reviewer-reminders',
    everyMs: MINUTE,
    run: async (db, { now }) => ({ sent: await sendReviewerReminders(db, now) }),
  },
  {
    name: 'decision-deadlines',
    everyMs: MINUTE,
    run: (db, { now }) => runDecisionDeadlines(db, now),
  },
  {
    name: 'consent-reminders',
    everyMs: MINUTE,
    run: async (db, { now }) => ({ sent: await sendDueConsentReminders(db, now) }),
  },
  {
    name: 'rate-limit-pruning',
    everyMs: HOUR,
    // Counted events older than two days serve no limit any more (the longest window is 24 h).
    run: async (db, { now }) => ({
      deleted: await pruneEvents(db, {
        before: new Date(now.getTime() - 2 * 24 * HOUR),
        keep: [invitationBuckets.replacement],
      }),
    }),
  },
]

import type { Database } from '@/db'
import type { MailTransport } from '@/lib/mail/transports'

export type JobContext = { now: Date; transport: MailTransport }

/**
 * One piece of background work. Its handler returns what it did as counts (never `status` or
 * `ms`, which its outcome adds); it must be safe to run again at any time, on any instance.
 */
export type Job<R extends object = object> = {
  name: string
  /** Least time between two starts in this process; 0: every tick. */
  everyMs: number
  run: (db: Database, context: JobContext) => Promise<R>
}

export type JobOutcome<R extends object = object> =
  | ({ status: 'done'; ms: number } & R)
  | { status: 'failed'; ms: number; error: string }
  | { status: 'not-due' }

/** Each job's outcome, by name, in the registry's order. */
export type TickResult = Record<string, JobOutcome>

export type TickOptions = {
  transport: MailTransport
  now?: () => Date
  /** When each job last started, by name (kept for the process by default; tests pass their own). */
  lastStarted?: Map<string, number>
  onJobError?: (job: string, error: unknown) => void
}

const processLastStarted = new Map<string, number>()

// An external cron calling every minute may arrive a little early: a job is due once 90 % of
// its interval has passed, so it is not put off to the next call.
const isDue = (job: Job, lastStarted: number | undefined, now: number) =>
  job.everyMs <= 0 || lastStarted === undefined || now - lastStarted >= job.everyMs * 0.9

/**
 * One pass of background work, called by the in-process scheduler and by POST /api/cron/tick.
 * Each due job runs on its own: one that fails is logged and reported, and the next still runs.
 */
export async function runTick(
  db: Database,
  jobs: readonly Job[],
  options: TickOptions,
): Promise<TickResult> {
  const clock = options.now ?? (() => new Date())
  const lastStarted = options.lastStarted ?? processLastStarted
  const onJobError =
    options.onJobError ?? ((job, error) => console.error(`[jobs] ${job} failed`, error))
  const result: TickResult = {}
  for (const job of jobs) {
    const now = clock()
    if (!isDue(job, lastStarted.get(job.name), now.getTime())) {
      result[job.name] = { status: 'not-due' }
      continue
    }
    lastStarted.set(job.name, now.getTime())
    const started = performance.now()
    try {
      const counts = await job.run(db, { now, transport: options.transport })
      result[job.name] = { ...counts, status: 'done', ms: Math.round(performance.now() - started) }
    } catch (error) {
      onJobError(job.name, error)
      result[job.name] = {
        status: 'failed',
        ms: Math.round(performance.now() - started),
        error: error instanceof Error ? error.message : String(error),
      }
    }
  }
  return result
}

export function tickFailed(result: TickResult): boolean {
  return Object.values(result).some((outcome) => outcome.status === 'failed')
}

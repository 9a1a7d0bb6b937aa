// A provider outage delays mail; it never loses it. Transient failures (network, 5xx, 429)
// are retried for RETRY_WINDOW_MS from the email's creation, at least once an hour once the
// backoff reaches its cap; only then does the row become 'failed', which an admin may re-queue.
export const RETRY_WINDOW_MS = 7 * 24 * 3600_000
const BASE_DELAY_MS = 30_000
export const MAX_DELAY_MS = 60 * 60_000
// A provider's Retry-After is honoured up to a day: a garbled header must not park a row for years.
const MAX_RETRY_AFTER_MS = 24 * 3600_000

/**
 * Delay before the next try after `attempts` failed ones: exponential from 30 s, capped at
 * one hour, with jitter (50–100 % of the step) so a provider outage is not followed by a
 * stampede. A provider's Retry-After wins when it asks for longer.
 */
export function retryDelayMs(
  attempts: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1))
  const jittered = Math.round(step / 2 + (random() * step) / 2)
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS))
}

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'give-up' }

/**
 * What to do after a transient failure: try again later, or give up once the email has been
 * failing for the whole retry window. Decided by elapsed time, not by the number of attempts,
 * so a long outage is outlived whatever the backoff did in between.
 */
export function afterTransientFailure(
  email: { createdAt: Date; attempts: number },
  now: Date,
  options: { retryAfterMs?: number; random?: () => number } = {},
): RetryDecision {
  if (now.getTime() - email.createdAt.getTime() >= RETRY_WINDOW_MS) return { kind: 'give-up' }
  return {
    kind: 'retry',
    at: new Date(
      now.getTime() + retryDelayMs(email.attempts, options.retryAfterMs, options.random),
    ),
  }
}

/** Parses an HTTP Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now.getTime())
}

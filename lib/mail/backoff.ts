export const MAX_ATTEMPTS = 8
const BASE_DELAY_MS = 30_000
const MAX_DELAY_MS = 60 * 60_000

/**
 * Delay before the next try after `attempts` failed ones: exponential from 30 s, capped at
 * one hour, with jitter (50–100 % of the step) so a provider outage is not followed by a
 * stampede. A provider's Retry-After wins when it asks for longer.
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1))
  const jittered = Math.round(step / 2 + (random() * step) / 2)
  return Math.max(jittered, retryAfterMs ?? 0)
}

/** Parses an HTTP Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now.getTime())
}

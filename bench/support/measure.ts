// Concurrency and statistics shared by the benchmarks.

/** Runs `task(0..count-1)` with at most `concurrency` running at once. */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
) {
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      await task(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

/** Nearest-rank percentile (p in 0..100) of durations in milliseconds. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

export type Timing = {
  count: number
  wallMs: number
  perSecond: number
  p50: number
  p95: number
  max: number
}

export function timing(latencies: number[], wallMs: number): Timing {
  return {
    count: latencies.length,
    wallMs,
    perSecond: latencies.length / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.length === 0 ? Number.NaN : Math.max(...latencies),
  }
}

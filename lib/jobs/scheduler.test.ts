import { afterEach, describe, expect, it, vi } from 'vitest'
import { startScheduler } from './scheduler'

afterEach(() => vi.useRealTimers())

describe('scheduler', () => {
  it('never runs the task twice at once', async () => {
    vi.useFakeTimers()
    let concurrent = 0
    let maxConcurrent = 0
    let calls = 0
    const stop = startScheduler(async () => {
      calls++
      concurrent++
      maxConcurrent = Math.max(maxConcurrent, concurrent)
      await new Promise((r) => setTimeout(r, 250))
      concurrent--
    }, 100)
    await vi.advanceTimersByTimeAsync(1000)
    stop()
    expect(maxConcurrent).toBe(1)
    expect(calls).toBeGreaterThanOrEqual(3)
  })

  it('keeps going after a failing run', async () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    let calls = 0
    const stop = startScheduler(
      async () => {
        calls++
        if (calls === 1) throw new Error('boom')
      },
      100,
      (e) => errors.push(e),
    )
    await vi.advanceTimersByTimeAsync(350)
    stop()
    expect(errors).toHaveLength(1)
    expect(calls).toBeGreaterThan(1)
  })
})

// Runs `task` every `intervalMs`, never two at once in this process (other instances are
// kept apart by the database: SKIP LOCKED claims and unique keys).
export function startScheduler(
  task: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void = console.error,
) {
  let running = false
  let stopped = false
  const run = async () => {
    if (running || stopped) return
    running = true
    try {
      await task()
    } catch (error) {
      onError(error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(run, intervalMs)
  timer.unref?.()
  void run()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}

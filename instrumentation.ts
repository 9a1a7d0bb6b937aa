// Starts background work (the jobs of lib/jobs/registry.ts) inside the Next.js server process.
// Hosts that prefer cron set BACKGROUND_JOBS=off and call POST /api/cron/tick instead.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NODE_ENV === 'production') {
    const { assertProductionSettings, productionWarnings } = await import('./lib/config/settings')
    assertProductionSettings()
    for (const warning of productionWarnings()) console.warn(`[config] ${warning}`)
  }
  if (process.env.BACKGROUND_JOBS === 'off' || !process.env.DATABASE_URL) return
  const { startScheduler } = await import('./lib/jobs/scheduler')
  const { runTick } = await import('./lib/jobs/tick')
  const { jobs } = await import('./lib/jobs/registry')
  const { configuredTransport } = await import('./lib/mail/transports')
  const { getDb } = await import('./db')
  const interval = Number(process.env.JOBS_INTERVAL_MS ?? 5000)
  // Each job's failure is logged by runTick; this catches only a failure of the tick itself.
  startScheduler(
    () => runTick(getDb(), jobs, { transport: configuredTransport() }),
    interval,
    (error) => console.error('[jobs] tick failed', error),
  )
}

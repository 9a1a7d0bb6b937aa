import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { appOrigin, e2ePort } from './e2e/support/app-origin'

// End-to-end journeys run against `next start` (after `next build`), on the embedded
// database (in memory, fresh each run) or on DATABASE_URL when set. The production build is
// reached at http://127.0.0.1:PORT with APP_URL set to that, as a deployment is reached by
// its own address: a link or redirect built from anything but APP_URL fails here.
const port = e2ePort
const baseURL = appOrigin()
export const e2eDataDir = '.data/e2e'

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined // Playwright's own browser, where it was installed
}

export default defineConfig({
  testDir: 'e2e',
  // CI's second pass, on PostgreSQL, leaves out journeys about layout, links and accessibility
  // alone: they read nothing the database could answer differently (.ci/run).
  testIgnore:
    process.env.E2E_DATABASE_PASS === '1'
      ? ['**/first-impressions.spec.ts', '**/no-dead-ends.spec.ts']
      : undefined,
  globalSetup: './e2e/support/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two in CI: the embedded database serves one session at a time, and with four workers a
  // campaign creation waited over 10 s. The PostgreSQL pass sets E2E_WORKERS=3 (.ci/run).
  workers: process.env.E2E_WORKERS
    ? Number(process.env.E2E_WORKERS)
    : process.env.CI
      ? 2
      : undefined,
  // One retry in CI: a browser-timing blip should not block a landing; Playwright still reports it as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx tsx scripts/serve.ts start --port ${port}`,
    url: `${baseURL}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      APP_URL: baseURL,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
      CRON_SECRET: 'e2e-cron-secret',
      DATA_DIR: e2eDataDir,
      SEED_DEMO_DATA: '1',
      JOBS_INTERVAL_MS: '500',
      SMS_PROVIDER: 'mailbox',
      ...(process.env.DATABASE_URL
        ? { DATABASE_URL: process.env.DATABASE_URL }
        : { EMBEDDED_DATABASE: 'memory' }),
    },
  },
})

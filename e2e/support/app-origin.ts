// The site's public origin in the end-to-end run: the production build is reached at
// 127.0.0.1 and APP_URL is set to exactly this (playwright.config.ts), as a deployment is
// reached by its own host name. One place for the config and the journeys.
export const e2ePort = Number(process.env.E2E_PORT ?? 3100)
export const appOrigin = () => `http://127.0.0.1:${e2ePort}`

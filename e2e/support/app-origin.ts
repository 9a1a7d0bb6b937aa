// The site's public origin in the end-to-end run: APP_URL, as set by playwright.config.ts.
export const appOrigin = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`

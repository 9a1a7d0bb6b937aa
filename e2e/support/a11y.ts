import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Runs axe (WCAG 2.0/2.1 A and AA) on the current page: no serious or critical violation allowed. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next.js streams the <title> in just after the content.
  await expect.poll(() => page.title(), { message: `the page at ${page.url()} has a title` }).not.toBe('')
  // Sandboxed frames hold email previews: scripts are off there, so axe cannot run inside
  // (it would wait forever). The emails are checked on their own (emails/templates.test.ts).
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe[sandbox]').analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${page.url()}`).toEqual([])
}

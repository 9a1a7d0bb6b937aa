import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { pageKind } from './page-kind'

/** The widths every page is checked at: a phone and a laptop (issue 9: zero findings at both). */
export const A11Y_WIDTHS = [390, 1280] as const

async function axeBlocking(page: Page, width: number) {
  // Sandboxed frames hold email previews: scripts are off there, so axe cannot run inside
  // (it would wait forever). The emails are checked on their own (emails/templates.test.ts).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[sandbox]')
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${width} px: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
}

/** Lets layout and any width-dependent rendering settle after a resize. */
async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  )
}

// Kinds of page already checked at the other width in this worker: a journey comes back to
// the same page many times, each at its own width; the other width once per kind is enough.
const checkedAtOtherWidth = new Set<string>()

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on the current page at the journey's own width every time,
 * and at the other of a phone and a desktop width the first time this kind of page is seen,
 * then puts the viewport back as it was: no serious or critical violation allowed at either.
 * A page that is fine on the journey's own viewport can still hide an unlabelled control, or
 * a table that overflows, at the other.
 */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next.js streams the <title> in just after the content.
  await expect
    .poll(() => page.title(), { message: `the page at ${page.url()} has a title` })
    .not.toBe('')
  const original = page.viewportSize()
  const own = original && original.width <= 800 ? 390 : 1280
  const widths = A11Y_WIDTHS.filter((width) => {
    if (width === own) return true
    const kind = `${width} ${pageKind(new URL(page.url()))}`
    if (checkedAtOtherWidth.has(kind)) return false
    checkedAtOtherWidth.add(kind)
    return true
  })
  const findings: string[] = []
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: original?.height ?? 844 })
      await settle(page)
      findings.push(...(await axeBlocking(page, width)))
    }
  } finally {
    if (original) {
      await page.setViewportSize(original)
      await settle(page)
    }
  }
  expect(findings, `axe on ${page.url()}`).toEqual([])
}

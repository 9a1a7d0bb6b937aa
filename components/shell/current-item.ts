import type { NavItem } from '@/lib/auth/roles'

/**
 * The navigation item for the page shown (aria-current="page"); on a page below an item
 * (a file under "Candidatures"), the closest item, marked aria-current="true" ("you are in here").
 */
export function currentItem(
  items: readonly NavItem[],
  pathname: string,
): { href: string; exact: boolean } | null {
  const exact = items.find((i) => i.href === pathname)
  if (exact) return { href: exact.href, exact: true }
  const parents = items
    .filter((i) => pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)
  return parents[0] ? { href: parents[0].href, exact: false } : null
}

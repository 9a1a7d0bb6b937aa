'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type { NavItem } from '@/lib/auth/roles'
import { currentItem } from './current-item'

export function MainNav({ items }: { items: readonly NavItem[] }) {
  const current = currentItem(items, usePathname())
  return (
    <nav aria-label="Navigation principale" className="order-3 w-full sm:order-none sm:w-auto">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const ariaCurrent =
            current?.href === item.href ? (current.exact ? 'page' : 'true') : undefined
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={ariaCurrent}
                className="block rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-[current]:bg-brand-50 aria-[current]:text-brand-800 aria-[current]:underline aria-[current]:decoration-2 aria-[current]:underline-offset-4"
              >
                {item.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

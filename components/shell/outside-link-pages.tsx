'use client'

import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'
import { isLinkPage } from './link-pages'

/** Renders its children everywhere except on link pages (see link-pages.ts). */
export function OutsideLinkPages({ children }: { children: ReactNode }) {
  const pathname = usePathname()
  return isLinkPage(pathname) ? null : children
}

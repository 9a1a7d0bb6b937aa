import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// Staff pages are never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function TeamLayout({ children }: { children: ReactNode }) {
  return children
}

import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// The platform operators' pages are never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function PlatformLayout({ children }: { children: ReactNode }) {
  return children
}

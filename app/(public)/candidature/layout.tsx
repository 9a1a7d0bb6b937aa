import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// Application forms need a signed-in candidate: never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function ApplicationLayout({ children }: { children: ReactNode }) {
  return children
}

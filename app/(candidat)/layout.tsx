import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// The candidate's own space is personal: never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function CandidateLayout({ children }: { children: ReactNode }) {
  return children
}

import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// Sign-in pages and their single-use links are never indexed (robots.txt also keeps crawlers out).
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function AuthLayout({ children }: { children: ReactNode }) {
  return children
}

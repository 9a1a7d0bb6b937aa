import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// The legal representative's link page: the link is the only credential, so the page is
// never indexed and never tells other sites where it was (no referrer).
export const metadata: Metadata = {
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

export default function ConsentLinkLayout({ children }: { children: ReactNode }) {
  return children
}

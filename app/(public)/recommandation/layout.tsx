import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// Link pages for recommenders: the link is the only credential, so the page is never
// indexed and never tells other sites where it was (no referrer). The header shows them the
// brand only (components/shell/link-pages.ts).
export const metadata: Metadata = {
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

export default function RecommendationLinkLayout({ children }: { children: ReactNode }) {
  return children
}

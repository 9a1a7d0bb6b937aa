'use client'

import { useEffect, useRef } from 'react'

// The <title> of the 403, 404 and error pages. Next.js resolves the metadata of the page that
// failed ("Membres" stayed the title of a 403), and nested 404 pages cannot export metadata.
// The element gives the title on arrival; after a client-side navigation Next.js streams the
// failed page's <title> in as well, so ours is kept first in <head> (the first one is the
// document's title) while the error page is shown. Nothing else is touched: once the error
// page goes, React removes ours and the next page's title applies.
export function PageTitle({ title }: { title: string }) {
  const ref = useRef<HTMLTitleElement>(null)
  useEffect(() => {
    const ours = ref.current
    if (!ours) return
    const keepFirst = () => {
      if (!ours.isConnected) return
      const first = document.head.querySelector('title')
      if (first !== ours) document.head.insertBefore(ours, first)
    }
    keepFirst()
    const observer = new MutationObserver(keepFirst)
    observer.observe(document.head, { childList: true })
    return () => observer.disconnect()
  }, [])
  return <title ref={ref}>{`${title} · Tremplin`}</title>
}

'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'

/**
 * A one-time confirmation on the page a link or redirect led to, flagged by `?param=value`
 * ("Vous êtes connecté(e)", "Invitation acceptée"). The marker then leaves the address bar, so
 * a reload or a shared URL does not say it again. The live region is always there, so screen
 * readers announce the message when it appears.
 */
export function FlashNotice({
  param,
  value,
  message,
}: {
  param: string
  value: string
  message: string
}) {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const flagged = searchParams.get(param) === value
  const [shown, setShown] = useState(flagged)
  // A client-side redirect keeps the layout holding the notice mounted: the marker's arrival
  // is noticed here, not only on first render.
  const [wasFlagged, setWasFlagged] = useState(flagged)
  if (flagged !== wasFlagged) {
    setWasFlagged(flagged)
    if (flagged) setShown(true)
  }

  useEffect(() => {
    if (!flagged) return
    const rest = new URLSearchParams(searchParams.toString())
    rest.delete(param)
    const query = rest.toString()
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    )
  }, [flagged, param, pathname, searchParams])

  return (
    <div role="status">
      {shown ? (
        <div className="mx-auto mt-4 flex w-full max-w-6xl items-center justify-between gap-3 px-4">
          <p className="flex-1 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
            {message}
          </p>
          <button
            type="button"
            onClick={() => setShown(false)}
            className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 underline hover:bg-slate-100"
          >
            Fermer
          </button>
        </div>
      ) : null}
    </div>
  )
}

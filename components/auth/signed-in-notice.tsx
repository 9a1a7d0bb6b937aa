'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'
import { SIGNED_IN_FLAG } from '@/lib/auth/safe-redirect'

/**
 * "Vous êtes connecté(e)" on the page a sign-in link led back to. The marker is then taken
 * out of the address bar, so a reload or a shared URL does not say it again.
 */
export function SignedInNotice() {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const flagged = searchParams.get(SIGNED_IN_FLAG) === '1'
  // Decided when the page a sign-in link led to is loaded (the layout stays mounted after).
  const [shown, setShown] = useState(flagged)

  useEffect(() => {
    if (!flagged) return
    const rest = new URLSearchParams(searchParams.toString())
    rest.delete(SIGNED_IN_FLAG)
    const query = rest.toString()
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    )
  }, [flagged, pathname, searchParams])

  // The live region is always there, so screen readers announce the message when it appears.
  return (
    <div role="status">
      {shown ? (
        <div className="mx-auto mt-4 flex w-full max-w-6xl items-center justify-between gap-3 px-4">
          <p className="flex-1 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
            Vous êtes connecté(e).
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

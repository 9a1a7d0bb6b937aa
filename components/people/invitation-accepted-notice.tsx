'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'

export const INVITATION_ACCEPTED_FLAG = 'invitation'

/**
 * "Invitation acceptée" on the page an accepted invitation led to (/equipe or /espace). The
 * marker then leaves the address bar, so a reload or a shared URL does not say it again.
 */
export function InvitationAcceptedNotice() {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const flagged = searchParams.get(INVITATION_ACCEPTED_FLAG) === 'acceptee'
  const [shown, setShown] = useState(flagged)
  // The accept button's redirect is a client-side navigation: the layout holding this notice
  // stays mounted, so the marker's arrival is noticed here, not only on first render.
  const [wasFlagged, setWasFlagged] = useState(flagged)
  if (flagged !== wasFlagged) {
    setWasFlagged(flagged)
    if (flagged) setShown(true)
  }

  useEffect(() => {
    if (!flagged) return
    const rest = new URLSearchParams(searchParams.toString())
    rest.delete(INVITATION_ACCEPTED_FLAG)
    const query = rest.toString()
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    )
  }, [flagged, pathname, searchParams])

  return (
    <div role="status">
      {shown ? (
        <div className="mx-auto mt-4 flex w-full max-w-6xl items-center justify-between gap-3 px-4">
          <p className="flex-1 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
            Invitation acceptée : bienvenue ! Vous avez rejoint l’établissement avec votre nouveau
            rôle.
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

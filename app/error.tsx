'use client'

import { useEffect } from 'react'
import { Button } from '@/components/ui/button'
import { PageTitle } from '@/components/shell/page-title'

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="mx-auto max-w-lg space-y-4 py-10 text-center">
      <PageTitle title="Une erreur est survenue" />
      <h1 className="text-2xl font-bold">Une erreur est survenue</h1>
      <p className="text-slate-700">
        Rien de ce que vous avez saisi n’a été perdu côté serveur si l’opération n’a pas abouti.
        Réessayez ; si le problème continue, signalez-le avec la référence{' '}
        <code className="rounded bg-slate-100 px-1">{error.digest ?? 'inconnue'}</code>.
      </p>
      <Button onClick={reset}>Réessayer</Button>
    </div>
  )
}

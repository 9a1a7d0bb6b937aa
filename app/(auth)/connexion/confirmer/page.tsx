import type { Metadata } from 'next'
import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { buttonClasses } from '@/components/ui/button'
import { afterSignInPath } from '@/lib/auth/safe-redirect'

export const metadata: Metadata = { title: 'Confirmer la connexion', referrer: 'no-referrer' }

// Opening the emailed link only shows this page: mail scanners that fetch links cannot
// consume the token. The person's click POSTs to Auth.js, which checks and consumes it.
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>
}) {
  const { token, email, callbackUrl } = await searchParams
  if (!token || !email) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">Lien incomplet</h1>
        <p>
          Ce lien de connexion est incomplet. Copiez-le en entier depuis l’e-mail, ou demandez-en un
          nouveau.
        </p>
        <Link href="/connexion" className={buttonClasses('primary')}>
          Demander un nouveau lien
        </Link>
      </div>
    )
  }
  // Only a path of this site, whatever the link says (Auth.js checks again before redirecting).
  const target = new URLSearchParams({ callbackUrl: afterSignInPath(callbackUrl), token, email })
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Confirmer la connexion</h1>
      <Card className="space-y-4">
        <p>
          Vous allez vous connecter en tant que <strong className="break-all">{email}</strong>.
        </p>
        <form method="post" action={`/api/auth/callback/email?${target.toString()}`}>
          <button type="submit" className={buttonClasses('primary', 'lg', 'w-full')}>
            Me connecter
          </button>
        </form>
        <p className="text-sm text-slate-600">Ce n’est pas vous ? Fermez simplement cette page.</p>
      </Card>
    </div>
  )
}

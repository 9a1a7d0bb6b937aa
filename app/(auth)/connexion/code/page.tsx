import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { CodeForm } from '@/components/auth/code-form'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { safeCallbackUrl } from '@/lib/auth/schemas'
import { getViewer, pendingSecondFactor } from '@/lib/auth/session'
import { signOutAction } from '../../actions'
import { submitSecondFactor } from './actions'

export const metadata: Metadata = { title: 'Code de vérification' }

export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl)
  const pending = await pendingSecondFactor()
  if (!pending) redirect((await getViewer()) ? callbackUrl : '/connexion')
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Code de vérification</h1>
      <Card className="space-y-4">
        <p className="text-slate-700">
          La validation en deux étapes est activée pour{' '}
          <span className="font-semibold break-all">{pending.email}</span>. Saisissez le code à 6
          chiffres affiché par votre application d’authentification.
        </p>
        <CodeForm
          action={submitSecondFactor}
          accepts="totp-or-recovery"
          id="code"
          label="Code de vérification"
          hint="Sans votre téléphone : l’un de vos codes de secours (xxxxx-xxxxx)."
          submitLabel="Valider"
          callbackUrl={callbackUrl}
        />
      </Card>
      <form action={signOutAction}>
        <button type="submit" className={buttonClasses('ghost', 'sm')}>
          Annuler et se déconnecter
        </button>
      </form>
    </div>
  )
}

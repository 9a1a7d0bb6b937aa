import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { Card } from '@/components/ui/card'
import { buttonClasses } from '@/components/ui/button'
import { hasOidc, oidcName, signIn } from '@/lib/auth/auth'
import { roleLabels } from '@/lib/auth/roles'
import { safeCallbackUrl } from '@/lib/auth/schemas'
import { getViewer, pendingSecondFactor } from '@/lib/auth/session'
import {
  demoAccounts,
  demoCandidate,
  demoEstablishmentNames,
  demoPlatformAdmin,
} from '@/lib/people/demo-accounts'
import { requestSignInLinkForm } from '../actions'

export const metadata: Metadata = { title: 'Connexion' }

// Why a person is back here (lib/auth/session.ts, signInPathFor; the account page).
const sessionNotices: Record<string, string> = {
  expiree:
    'Votre session a expiré : reconnectez-vous pour continuer. Par sécurité, les sessions du personnel prennent fin après un temps sans activité.',
  partout: 'Vous êtes déconnecté de tous vos appareils.',
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; session?: string }>
}) {
  const params = await searchParams
  const callbackUrl = safeCallbackUrl(params.callbackUrl)
  if (await getViewer()) redirect(callbackUrl)
  if (await pendingSecondFactor())
    redirect(`/connexion/code?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  const notice = sessionNotices[params.session ?? '']
  const showDemo = process.env.NODE_ENV !== 'production'
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Connexion</h1>
      {notice ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {notice}
        </p>
      ) : null}
      <Card className="space-y-4">
        <p className="text-slate-700">
          Pas de mot de passe : indiquez votre adresse e-mail et ouvrez le lien que nous vous
          envoyons.
        </p>
        <SignInForm callbackUrl={callbackUrl} />
        {hasOidc() ? (
          <form
            action={async () => {
              'use server'
              await signIn('oidc', { redirectTo: callbackUrl })
            }}
          >
            <button type="submit" className={buttonClasses('secondary', 'md', 'w-full')}>
              Se connecter avec {oidcName()}
            </button>
          </form>
        ) : null}
      </Card>
      <p className="text-slate-700">
        Votre établissement n’est pas encore inscrit ?{' '}
        <Link href="/inscription-etablissement" className="text-brand-700 underline">
          Inscrire votre établissement
        </Link>
      </p>
      {showDemo ? (
        <Card className="space-y-3">
          <h2 className="text-base font-semibold">Comptes de démonstration (développement)</h2>
          <p className="text-sm text-slate-600">Le lien arrive dans la boîte de développement.</p>
          <ul className="space-y-2">
            {[
              ...demoAccounts.map((a) => ({
                key: `${a.email}-${a.role}`,
                email: a.email,
                label: `${roleLabels[a.role]} — ${demoEstablishmentNames[a.establishment]}${a.note ? ` (${a.note})` : ''}`,
              })),
              {
                key: demoCandidate.email,
                email: demoCandidate.email,
                label: `Candidate (${demoCandidate.name})`,
              },
              {
                key: demoPlatformAdmin.email,
                email: demoPlatformAdmin.email,
                label: 'Opérateur de la plateforme',
              },
            ].map((account) => (
              <li key={account.key}>
                <form action={requestSignInLinkForm}>
                  <input type="hidden" name="email" value={account.email} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button
                    type="submit"
                    className={buttonClasses(
                      'secondary',
                      'sm',
                      'h-auto w-full flex-col items-start gap-0 py-2 text-left sm:flex-row sm:items-center sm:justify-between',
                    )}
                  >
                    <span>{account.label}</span>
                    <span className="font-normal break-all text-slate-600">{account.email}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}

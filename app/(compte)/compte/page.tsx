import type { Metadata } from 'next'
import QRCode from 'qrcode'
import { CodeForm } from '@/components/auth/code-form'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardTitle } from '@/components/ui/card'
import { db } from '@/db'
import { openSessionsOf } from '@/lib/auth/account-sessions'
import { currentSessionToken, requireViewer } from '@/lib/auth/session'
import { staffSessionLimits } from '@/lib/auth/session-limits'
import { twoFactorStatus } from '@/lib/auth/two-factor'
import { formatDate, formatDateTime } from '@/lib/format'
import {
  beginTwoFactorSetupAction,
  cancelTwoFactorSetupAction,
  confirmTwoFactorSetupAction,
  disableTwoFactorAction,
  signOutEverywhereAction,
} from './actions'

export const metadata: Metadata = { title: 'Mon compte' }

/** The secret typed by hand when the QR code cannot be scanned, in groups of four. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret

export default async function AccountPage() {
  const viewer = await requireViewer('/compte')
  const [sessions, twoFactor] = await Promise.all([
    openSessionsOf(db, { userId: viewer.user.id, currentToken: await currentSessionToken() }),
    twoFactorStatus(db, viewer.user),
  ])
  const isStaff = viewer.memberships.some((m) => m.role !== 'student')
  const advised = viewer.memberships.some((m) => m.role === 'head' || m.role === 'admin')
  const limits = staffSessionLimits()
  const qr =
    twoFactor.state === 'setting-up'
      ? await QRCode.toString(twoFactor.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      : null

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Mon compte</h1>

      <Card className="space-y-1">
        <CardTitle>Identité</CardTitle>
        {viewer.user.name ? <p>{viewer.user.name}</p> : null}
        <p className="break-all text-slate-700">{viewer.user.email}</p>
      </Card>

      <Card className="space-y-4">
        <div>
          <CardTitle>Sessions ouvertes</CardTitle>
          <CardDescription>
            Une session par navigateur ou appareil où vous êtes connecté.
            {isStaff
              ? ` Pour le personnel, une session prend fin ${limits.absoluteMs / 3600_000} h après la connexion, ou après ${limits.idleMs / 60_000} minutes sans activité.`
              : null}
          </CardDescription>
        </div>
        <ul className="divide-y divide-slate-200" aria-label="Sessions ouvertes">
          {sessions.map((s, index) => (
            <li key={index} className="py-2 text-sm">
              <span className="font-medium">
                Connexion le {formatDateTime(s.signedInAt)}
                {s.current ? ' (cet appareil)' : ''}
              </span>
              <span className="block text-slate-600">
                Dernière activité : {formatDateTime(s.lastSeenAt)}
              </span>
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            Se déconnecter partout
          </Button>
        </form>
        <p className="text-sm text-slate-600">
          Ferme toutes vos sessions, celle-ci comprise : utile après un oubli sur un ordinateur
          partagé ou la perte d’un téléphone.
        </p>
      </Card>

      <Card className="space-y-4">
        <div>
          <CardTitle>Validation en deux étapes</CardTitle>
          <CardDescription>
            Après le lien reçu par e-mail, un code à 6 chiffres donné par une application
            d’authentification (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator…).
            {advised ? ' Recommandée pour la direction et l’administration.' : null}
          </CardDescription>
        </div>

        {twoFactor.state === 'off' ? (
          <form action={beginTwoFactorSetupAction}>
            <Button type="submit">Activer la validation en deux étapes</Button>
          </form>
        ) : null}

        {twoFactor.state === 'setting-up' && qr ? (
          <div className="space-y-4">
            <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
              <li>Dans votre application, ajoutez un compte en scannant ce QR code.</li>
              <li>Saisissez ci-dessous le code à 6 chiffres qu’elle affiche.</li>
            </ol>
            {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server */}
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`}
              alt="QR code à scanner avec votre application d’authentification"
              width={200}
              height={200}
              className="rounded-md border border-slate-200"
            />
            <p className="text-sm">
              Impossible de scanner ? Saisissez cette clé dans l’application :{' '}
              <code data-testid="totp-secret" className="font-mono break-all">
                {grouped(twoFactor.secret)}
              </code>
            </p>
            <CodeForm
              action={confirmTwoFactorSetupAction}
              accepts="totp"
              id="setup-code"
              label="Code affiché par l’application"
              submitLabel="Confirmer l’activation"
            />
            <form action={cancelTwoFactorSetupAction}>
              <Button type="submit" variant="ghost" size="sm">
                Annuler
              </Button>
            </form>
          </div>
        ) : null}

        {twoFactor.state === 'on' ? (
          <div className="space-y-4">
            <p>
              <span className="font-semibold">Activée</span> depuis le{' '}
              {formatDate(twoFactor.enabledAt)}. Codes de secours restants :{' '}
              {twoFactor.recoveryCodesLeft} sur 10.
            </p>
            <CodeForm
              action={disableTwoFactorAction}
              accepts="totp-or-recovery"
              id="disable-code"
              label="Code pour désactiver"
              hint="Le code de votre application, ou l’un de vos codes de secours."
              submitLabel="Désactiver la validation en deux étapes"
              variant="danger"
            />
          </div>
        ) : null}
      </Card>
    </div>
  )
}

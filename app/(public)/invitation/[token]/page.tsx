import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { roleLabels } from '@/lib/auth/roles'
import { getViewer } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import {
  findInvitation,
  invitationDetails,
  invitationProblemMessages,
} from '@/lib/people/invitations'
import { AcceptInvitationForm } from '@/components/people/accept-invitation-form'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { acceptInvitationForm, signOutForInvitation } from './actions'

// The link is the credential: never indexed, never told to other sites.
export const metadata: Metadata = {
  title: 'Invitation',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

// GET only shows the invitation; accepting is the form's POST (a mail scanner opening the
// link consumes nothing).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const [found, viewer] = await Promise.all([findInvitation(db, token), getViewer()])

  if (!found.ok)
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">Invitation impossible à ouvrir</h1>
        <Card className="space-y-3">
          <p className="text-slate-800">{invitationProblemMessages[found.problem]}</p>
          {found.problem === 'used' ? (
            <Link
              href={viewer ? '/equipe' : '/connexion?callbackUrl=%2Fequipe'}
              className={buttonClasses('primary', 'md')}
            >
              {viewer ? 'Aller à mon espace' : 'Me connecter'}
            </Link>
          ) : null}
        </Card>
      </div>
    )

  const { invitation } = found
  const { invitedBy, classNames } = await invitationDetails(db, invitation)
  const invitedEmail = invitation.email.toLowerCase()
  const signedInAsInvitee = viewer?.user.email.toLowerCase() === invitedEmail

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div className="space-y-1">
        <p className="text-sm font-medium text-brand-700">Invitation</p>
        <h1 className="text-2xl font-bold">Rejoindre {invitation.establishmentName}</h1>
      </div>
      <Card>
        <dl className="space-y-3">
          <div>
            <dt className="text-sm text-slate-600">Établissement</dt>
            <dd className="font-semibold">{invitation.establishmentName}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Rôle</dt>
            <dd className="font-semibold">{roleLabels[invitation.role]}</dd>
          </div>
          {classNames.length > 0 ? (
            <div>
              <dt className="text-sm text-slate-600">Classes</dt>
              <dd className="font-semibold">{classNames.join(', ')}</dd>
            </div>
          ) : null}
          {invitedBy ? (
            <div>
              <dt className="text-sm text-slate-600">Invitation envoyée par</dt>
              <dd className="font-semibold">{invitedBy}</dd>
            </div>
          ) : null}
          <div>
            <dt className="text-sm text-slate-600">Pour l’adresse</dt>
            <dd className="font-semibold break-all">{invitedEmail}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Valable jusqu’au</dt>
            <dd className="font-semibold">{formatDate(invitation.expiresAt)}</dd>
          </div>
        </dl>
      </Card>

      {viewer && !signedInAsInvitee ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Vous êtes connecté·e avec une autre adresse</h2>
          <p className="text-slate-800">
            Vous êtes connecté·e en tant que{' '}
            <strong className="break-all">{viewer.user.email}</strong>, mais cette invitation est
            adressée à <strong className="break-all">{invitedEmail}</strong>. Déconnectez-vous pour
            l’accepter avec la bonne adresse.
          </p>
          <form action={signOutForInvitation.bind(null, token)}>
            <button type="submit" className={buttonClasses('primary', 'md', 'w-full sm:w-auto')}>
              Me déconnecter
            </button>
          </form>
        </Card>
      ) : (
        <Card className="space-y-3">
          <p className="text-slate-800">
            {signedInAsInvitee
              ? 'Acceptez pour ajouter ce rôle à votre compte.'
              : `En acceptant, vous serez connecté·e à Tremplin avec l’adresse ${invitedEmail} : ce lien, reçu dans votre boîte, suffit à prouver qu’elle est la vôtre.`}
          </p>
          <AcceptInvitationForm
            action={acceptInvitationForm.bind(null, token)}
            label={signedInAsInvitee ? 'Accepter l’invitation' : 'Accepter et me connecter'}
          />
        </Card>
      )}
    </div>
  )
}

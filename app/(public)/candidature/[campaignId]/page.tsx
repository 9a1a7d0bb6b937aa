import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import {
  campaignForApplication,
  candidateApplication,
  wishesUsed,
} from '@/lib/admissions/applications'
import { campaignPhase } from '@/lib/admissions/campaigns'
import { requireViewer } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { uploaderItems } from '@/lib/admissions/documents'
import { ApplicationForm } from '@/components/admissions/application-form'
import { DocumentUploader } from '@/components/documents/document-uploader'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Candidater' }

export default async function ApplyPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params
  const campaign = await campaignForApplication(db, campaignId)
  if (!campaign) notFound()
  const viewer = await requireViewer(`/candidature/${campaignId}`)
  const application = await candidateApplication(db, campaign.id, viewer.user.id)
  const phase = campaignPhase(campaign)

  const header = (
    <div className="space-y-1">
      <p className="text-sm font-medium text-brand-700">{campaign.establishmentName}</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{campaign.programmeName}</h1>
      <p className="text-slate-700">
        {campaign.name} · dépôt jusqu’au {formatDate(campaign.closesAt)}
      </p>
    </div>
  )

  if (application && application.status !== 'draft') {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        {header}
        <Card className="space-y-3">
          <p className="font-semibold">Votre candidature est déposée.</p>
          <p>Suivez l’avancement et les avis de vos recommandants depuis votre espace.</p>
          <Link href="/espace" className={buttonClasses('primary')}>
            Aller à mon espace
          </Link>
        </Card>
      </div>
    )
  }
  if (phase !== 'open') {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        {header}
        <Card>
          <p>
            {phase === 'upcoming'
              ? `Les candidatures ouvriront le ${formatDate(campaign.opensAt)}.`
              : 'Cette campagne est close : le dépôt de candidature n’est plus possible.'}
          </p>
        </Card>
      </div>
    )
  }

  const [documents, wishes] = await Promise.all([
    uploaderItems(db, campaign, application),
    wishesUsed(db, viewer.user.id, campaign.establishmentId),
  ])
  const recommenders = Array.from({ length: campaign.requiredRecommendations }, (_, i) => ({
    name: application?.draftRecommenders[i]?.name ?? '',
    position: application?.draftRecommenders[i]?.position ?? '',
    email: application?.draftRecommenders[i]?.email ?? '',
  }))
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {header}
      <p
        className={
          wishes.live >= wishes.max
            ? 'rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm'
            : 'text-sm text-slate-600'
        }
      >
        {wishes.live >= wishes.max
          ? `Vous avez déjà ${wishes.live} candidatures en cours dans cet établissement, le maximum autorisé : retirez-en une depuis votre espace pour déposer celle-ci.`
          : `Candidatures en cours dans cet établissement : ${wishes.live} sur ${wishes.max} possibles.`}
      </p>
      <ApplicationForm
        campaignId={campaign.id}
        candidateEmail={viewer.user.email}
        requiredRecommendations={campaign.requiredRecommendations}
        recommendationDeadline={formatDate(campaign.recommendationDeadline)}
        lastSavedAt={application?.updatedAt.toISOString()}
        defaultValues={{
          civility: application?.civility ?? '',
          firstName: application?.firstName ?? '',
          lastName: application?.lastName ?? '',
          birthDate: application?.birthDate ?? '',
          phone: application?.phone ?? '',
          addressLine: application?.addressLine ?? '',
          postalCode: application?.postalCode ?? '',
          city: application?.city ?? '',
          country: application?.country ?? 'France',
          diploma: application?.diploma ?? '',
          currentEstablishment: application?.currentEstablishment ?? '',
          specialty: application?.specialty ?? '',
          graduationYear: application?.graduationYear ? String(application.graduationYear) : '',
          motivation: application?.motivation ?? '',
          recommenders,
        }}
      >
        {documents.length > 0 ? (
          <Card>
            <section id="pieces" aria-labelledby="pieces-title" className="space-y-2">
              <h2 id="pieces-title" className="text-lg font-semibold">
                Pièces justificatives
              </h2>
              <p className="text-sm text-slate-600">
                PDF, JPEG ou PNG selon la pièce. Sur téléphone, vous pouvez photographier un
                document. Chaque fichier est enregistré dès son envoi.
              </p>
              <DocumentUploader campaignId={campaign.id} items={documents} />
            </section>
          </Card>
        ) : null}
      </ApplicationForm>
    </div>
  )
}

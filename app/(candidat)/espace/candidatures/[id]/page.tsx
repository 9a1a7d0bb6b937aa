import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import {
  canTransition,
  pendingStates,
  stateLabels,
  stateTone,
} from '@/lib/admissions/application-status'
import { candidateTimeline, nextStep, ownApplication } from '@/lib/admissions/candidate-tracking'
import { latestPublishedDecision } from '@/lib/admissions/published-decision'
import { uploaderItems } from '@/lib/admissions/documents'
import { recommendationsFor } from '@/lib/admissions/staff-applications'
import { requireViewer } from '@/lib/auth/session'
import { formatDate, formatDateTime } from '@/lib/format'
import {
  displayStatus,
  displayStatusLabels,
  displayStatusTone,
} from '@/lib/recommendations/request-status'
import { PlaceAnswer } from '@/components/candidate/place-answer'
import { WithdrawApplication } from '@/components/candidate/withdraw-application'
import { DocumentUploader } from '@/components/documents/document-uploader'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Suivi de ma candidature' }

// One application as its candidate follows it: where it stands, what to do, its history.
export default async function CandidateApplicationPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const viewer = await requireViewer(`/espace/candidatures/${id}`)
  const own = await ownApplication(db, viewer.user.id, id)
  if (!own) notFound()
  const { application: a, campaign } = own
  const now = new Date()
  const [documents, requests, timeline, decision] = await Promise.all([
    uploaderItems(db, campaign, a, now),
    recommendationsFor(db, [a.id]),
    candidateTimeline(db, a.id),
    latestPublishedDecision(db, a.id),
  ])
  const statuses = requests.map((r) => displayStatus(r.request, r.invitationStatus, now))
  const step = nextStep(a.status, {
    responseDeadline: a.responseDeadline,
    missingDocuments: documents.filter((d) => d.required && !d.current).length,
    refusedDocuments: documents.filter((d) => d.current?.status === 'refused').length,
    awaitedRecommendations: statuses.filter(
      (s) => s === 'to_send' || s === 'sent' || s === 'opened',
    ).length,
    recommendersToReplace: statuses.filter((s) => s === 'declined' || s === 'invalid_address')
      .length,
  })
  return (
    <div className="space-y-6">
      <Link href="/espace" className="text-sm font-medium text-brand-700 underline">
        ← Mon espace
      </Link>
      <div className="space-y-1">
        <p className="text-sm font-medium text-brand-700">{own.establishmentName}</p>
        <h1 className="text-2xl font-bold">{own.programmeName}</h1>
        <p className="text-slate-600">
          {campaign.name}
          {a.submittedAt ? ` · déposée le ${formatDateTime(a.submittedAt)}` : ''}
        </p>
        <p>
          <Badge tone={stateTone[a.status]}>{stateLabels[a.status]}</Badge>
        </p>
      </div>

      <Card className="space-y-2 border-brand-100 bg-brand-50">
        <h2 className="font-semibold">À faire</h2>
        <p>{step}</p>
        {a.status === 'draft' ? (
          <Link
            href={`/candidature/${campaign.id}`}
            className="font-medium text-brand-700 underline"
          >
            Reprendre ma candidature
          </Link>
        ) : null}
        {a.status === 'admitted' ? (
          <PlaceAnswer applicationId={a.id} programmeName={own.programmeName} />
        ) : null}
        {a.status === 'waitlisted' || a.status === 'confirmed' ? (
          <WithdrawApplication
            applicationId={a.id}
            programmeName={own.programmeName}
            label={a.status === 'confirmed' ? 'Me désister' : 'Quitter la liste d’attente'}
          />
        ) : null}
        {a.status === 'waitlisted' && a.waitlistRank ? (
          <p>
            Votre rang sur la liste d’attente : <strong>{a.waitlistRank}</strong>.
          </p>
        ) : null}
        {a.status === 'rejected' &&
        decision?.outcome === 'rejected' &&
        (decision.motivation || decision.motivationText) ? (
          <p>
            Motif de la commission :{' '}
            {[decision.motivation, decision.motivationText].filter(Boolean).join(' — ')}
          </p>
        ) : null}
        {decision ? (
          <p className="text-sm">
            <a
              href={`/api/decisions/${decision.id}/lettre`}
              className="font-medium text-brand-700 underline"
            >
              Télécharger la lettre de décision (PDF)
            </a>
          </p>
        ) : null}
      </Card>

      {documents.length > 0 ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Pièces justificatives</h2>
          <DocumentUploader campaignId={campaign.id} items={documents} />
        </Card>
      ) : null}

      {requests.length > 0 ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Recommandations</h2>
          <ul className="divide-y divide-slate-200">
            {requests.map((r, i) => (
              <li
                key={r.request.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
              >
                <span>
                  {r.request.recommenderName}{' '}
                  <span className="text-sm text-slate-600">· {r.request.recommenderPosition}</span>
                </span>
                <Badge tone={displayStatusTone[statuses[i]!]}>
                  {displayStatusLabels[statuses[i]!]}
                </Badge>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-slate-600">
            Date limite : {formatDate(campaign.recommendationDeadline)}. Relancez ou remplacez un
            recommandant depuis{' '}
            <Link href="/espace" className="font-medium text-brand-700 underline">
              votre espace
            </Link>
            .
          </p>
        </Card>
      ) : null}

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Historique</h2>
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">Aucun événement pour l’instant.</p>
        ) : (
          <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
            {timeline.map((event, i) => (
              <li key={i} className="relative">
                <span
                  aria-hidden
                  className="absolute top-1.5 -left-[1.65rem] size-3 rounded-full bg-brand-700"
                />
                <p className="font-medium">{event.label}</p>
                {event.detail ? <p className="text-sm text-slate-700">{event.detail}</p> : null}
                <p className="text-xs text-slate-600">
                  <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>

      {(pendingStates as readonly string[]).includes(a.status) &&
      canTransition(a.status, 'withdrawn', 'candidate') ? (
        <WithdrawApplication applicationId={a.id} programmeName={own.programmeName} />
      ) : null}
    </div>
  )
}

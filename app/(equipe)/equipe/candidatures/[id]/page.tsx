import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { civilityLabel, diplomaLabel } from '@/lib/admissions/application-fields'
import { applicationFileView } from '@/lib/admissions/application-file-view'
import { stateLabels, stateTone } from '@/lib/admissions/application-status'
import { outcomeLabels } from '@/lib/admissions/decision-rules'
import { DecisionForm } from '@/components/staff/decision-form'
import { ReviewForm } from '@/components/staff/review-form'
import { formatBytes } from '@/lib/storage/document-formats'
import { DocumentVerdict } from '@/components/staff/document-verdict'
import { LiftInvitationLimits } from '@/components/staff/lift-invitation-limits'
import { requireStaff } from '@/lib/auth/session'
import { formatDate, formatDateTime } from '@/lib/format'
import { emailDomain, isAcademicEmail } from '@/lib/recommendations/academic-email'
import { formatPhone } from '@/lib/validation/phone'
import { displayStatusLabels, displayStatusTone } from '@/lib/recommendations/request-status'
import { opinionLabel, scaleLabel } from '@/lib/recommendations/scales'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Dossier de candidature' }

const documentLabel = { pending: 'À vérifier', valid: 'Validée', refused: 'Refusée' } as const
const documentTone = { pending: 'info', valid: 'success', refused: 'danger' } as const

const linkKindLabel = {
  invitation: 'le lien de l’invitation',
  reminder: 'le lien d’un rappel',
  resend: 'le lien d’une relance',
} as const

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-semibold text-slate-600">{label}</dt>
      <dd className="break-words">{children || '—'}</dd>
    </div>
  )
}

export default async function ApplicationDetailPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const staff = await requireStaff('recommendations.read', {
    callbackUrl: `/equipe/candidatures/${id}`,
  })
  const view = await applicationFileView(db, staff, id)
  if (!view) notFound()
  const { application: a, may, review, decision } = view
  const { assignment, result, colleagues: reviewDetail, seesColleagues } = review
  return (
    <div className="space-y-6">
      {may.seeList ? (
        <Link href="/equipe/candidatures" className="text-sm font-medium text-brand-700 underline">
          ← Candidatures
        </Link>
      ) : null}
      <div>
        <h1 className="text-2xl font-bold">
          {a.firstName} {a.lastName}
        </h1>
        <p className="text-slate-600">
          {view.programmeName} · {view.campaignName} ·{' '}
          {a.submittedAt ? `déposée le ${formatDateTime(a.submittedAt)}` : 'brouillon'}
        </p>
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <Badge tone={stateTone[a.status]}>{stateLabels[a.status]}</Badge>
          <a
            href={`/api/candidatures/${a.id}/synthese`}
            className={buttonClasses('secondary', 'sm')}
          >
            Synthèse du dossier (PDF)
          </a>
        </p>
      </div>
      {assignment || result?.reviewers.length ? (
        <Card className="space-y-4 border-brand-100">
          <h2 className="text-lg font-semibold">Évaluation</h2>
          {!seesColleagues ? (
            <p className="text-sm text-slate-600">
              Les notes de vos collègues s’afficheront quand vous aurez terminé votre évaluation.
            </p>
          ) : null}
          {seesColleagues && result && result.reviewers.length > 0 ? (
            <p className="text-sm">
              Moyenne :{' '}
              <strong>
                {result.average === null ? '—' : `${result.average.toLocaleString('fr-FR')} / 20`}
              </strong>
              {result.rank ? ` · rang ${result.rank}` : ''} ·{' '}
              {result.reviewers
                .map(
                  (r) =>
                    `${r.label} : ${r.completed && r.mark !== null ? r.mark.toLocaleString('fr-FR') : 'en cours'}`,
                )
                .join(' · ')}
              {result.disagreement ? (
                <Badge tone="danger" className="ml-2">
                  Désaccord entre examinateurs
                </Badge>
              ) : null}
            </p>
          ) : null}
          {reviewDetail && reviewDetail.reviews.length > 0 ? (
            <div
              className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700"
              tabIndex={0}
              role="region"
              aria-label="Notes de chaque examinateur par critère"
            >
              <table className="w-full min-w-[28rem] text-left text-sm">
                <caption className="sr-only">Notes de chaque examinateur par critère</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-3 font-semibold">
                      Examinateur
                    </th>
                    {reviewDetail.criteria.map((c) => (
                      <th key={c.id} scope="col" className="py-1 pr-3 font-semibold">
                        {c.label} <span className="font-normal text-slate-600">/{c.scaleMax}</span>
                      </th>
                    ))}
                    <th scope="col" className="py-1 pr-3 font-semibold">
                      Commentaire
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reviewDetail.reviews.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-1 pr-3 font-medium">
                        {r.reviewer}
                        {r.completedAt ? null : (
                          <span className="block text-xs font-normal text-slate-600">en cours</span>
                        )}
                      </th>
                      {reviewDetail.criteria.map((c) => (
                        <td key={c.id} className="py-1 pr-3">
                          {r.scores[c.id] ?? '—'}
                        </td>
                      ))}
                      <td className="py-1 pr-3 whitespace-pre-wrap">{r.comment || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {assignment ? (
            <div>
              <h3 className="mb-2 font-semibold">Ma grille</h3>
              <ReviewForm
                applicationId={a.id}
                criteria={review.criteria}
                scores={assignment.scores}
                comment={assignment.comment ?? ''}
                completed={Boolean(assignment.completedAt)}
              />
            </div>
          ) : null}
        </Card>
      ) : null}

      {may.enterDecision ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Décision de la commission</h2>
          <DecisionForm
            campaignId={view.campaignId}
            applicationId={a.id}
            motivations={decision.motivations}
            current={decision.pendingOutcome ? outcomeLabels[decision.pendingOutcome] : null}
          />
          <p className="text-sm text-slate-600">
            La décision est envoyée au candidat lors de la publication, depuis la{' '}
            {may.seeList ? (
              <Link
                href={`/equipe/campagnes/${view.campaignId}/commission`}
                className="font-medium text-brand-700 underline"
              >
                page de la commission
              </Link>
            ) : (
              'page de la commission'
            )}
            .
          </p>
        </Card>
      ) : null}

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Candidat</h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Civilité">{civilityLabel(a.civility)}</Field>
          <Field label="Date de naissance">
            {a.birthDate ? formatDate(new Date(`${a.birthDate}T12:00:00Z`)) : null}
          </Field>
          <Field label="E-mail (vérifié)">{a.email}</Field>
          <Field label="Téléphone">{a.phone ? formatPhone(a.phone) : null}</Field>
          <Field label="Adresse">
            {[a.addressLine, [a.postalCode, a.city].filter(Boolean).join(' '), a.country]
              .filter(Boolean)
              .join(', ')}
          </Field>
          <Field label="Diplôme en cours">{diplomaLabel(a.diploma)}</Field>
          <Field label="Établissement">{a.currentEstablishment}</Field>
          <Field label="Spécialité">{a.specialty}</Field>
          <Field label="Année d’obtention">{a.graduationYear}</Field>
        </dl>
        <h3 className="mt-4 mb-1 font-semibold">Lettre de motivation</h3>
        <p className="whitespace-pre-wrap">{a.motivation}</p>
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Pièces justificatives</h2>
        {view.documents.length === 0 ? (
          <p className="text-sm text-slate-600">Cette campagne ne demande aucune pièce.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {view.documents.map(({ requirement, file }) => (
              <li
                key={requirement.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    {requirement.name}
                    {requirement.required ? null : (
                      <span className="text-sm font-normal text-slate-600"> (facultative)</span>
                    )}
                  </p>
                  {file ? (
                    <p className="text-sm">
                      <a
                        href={`/api/pieces/${file.id}`}
                        className="break-all font-medium text-brand-700 underline"
                      >
                        {file.fileName}
                      </a>{' '}
                      <a
                        href={`/api/pieces/${file.id}?affichage=1`}
                        target="_blank"
                        rel="noreferrer"
                        className="text-brand-700 underline"
                      >
                        (ouvrir)
                      </a>{' '}
                      <span className="text-slate-600">
                        · {formatBytes(file.size)} · déposée le {formatDateTime(file.uploadedAt)}
                      </span>
                    </p>
                  ) : (
                    <p className="text-sm text-slate-600">Non fournie</p>
                  )}
                  {file?.status === 'refused' ? (
                    <p className="text-sm text-red-800">Refusée : {file.refusalReason}</p>
                  ) : null}
                </div>
                <div className="flex items-center gap-2">
                  {file ? (
                    <Badge tone={documentTone[file.status]}>{documentLabel[file.status]}</Badge>
                  ) : (
                    <Badge tone="warning">Manquante</Badge>
                  )}
                  {file && may.reviewDocuments ? (
                    <DocumentVerdict
                      applicationId={a.id}
                      documentId={file.id}
                      documentName={requirement.name}
                      current={file.status}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <section aria-labelledby="recommandations" className="space-y-4">
        <h2 id="recommandations" className="text-lg font-semibold">
          Recommandations ({view.receivedRecommendations}/{view.requiredRecommendations})
        </h2>
        {view.limitsReached.length > 0 ? (
          <Card className="space-y-2 border-amber-300">
            <h3 className="font-semibold">Limite d’envoi atteinte</h3>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {view.limitsReached.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {may.liftInvitationLimits ? <LiftInvitationLimits applicationId={a.id} /> : null}
          </Card>
        ) : null}
        {view.recommendations.map(({ request, status, received: r }) => {
          return (
            <Card key={request.id} className="space-y-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h3 className="font-semibold">{request.recommenderName}</h3>
                  <p className="text-sm text-slate-600">
                    {request.recommenderPosition} ·{' '}
                    <span className="break-all">{request.recommenderEmail}</span>
                  </p>
                </div>
                <Badge tone={displayStatusTone[status]}>{displayStatusLabels[status]}</Badge>
              </div>
              {request.status === 'declined' ? (
                <p className="text-sm">Motif du refus : {request.declineReason}</p>
              ) : null}
              {r ? (
                <>
                  <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
                    {(r.submittedAnswers ?? [])
                      .filter((x) => x.kind === 'scale')
                      .map((x) => (
                        <div
                          key={x.questionId}
                          className="flex justify-between gap-2 border-b border-slate-100 py-1 text-sm"
                        >
                          <dt>{x.label}</dt>
                          <dd className="font-semibold">{scaleLabel(x.value)}</dd>
                        </div>
                      ))}
                    <div className="flex justify-between gap-2 border-b border-slate-100 py-1 text-sm">
                      <dt>Avis global</dt>
                      <dd className="font-semibold">{opinionLabel(r.opinion)}</dd>
                    </div>
                  </dl>
                  {(r.submittedAnswers ?? [])
                    .filter((x) => x.kind === 'text')
                    .map((x) => (
                      <div key={x.questionId}>
                        <h4 className="text-sm font-semibold">{x.label}</h4>
                        <p className="whitespace-pre-wrap">{x.value || '—'}</p>
                      </div>
                    ))}
                  <div
                    className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm"
                    aria-label="Authenticité"
                  >
                    <h4 className="mb-1 font-semibold">Authenticité</h4>
                    <ul className="space-y-0.5">
                      <li>
                        Transmis le {formatDateTime(r.submittedAt!)} par{' '}
                        {r.usedLinkKind ? linkKindLabel[r.usedLinkKind] : 'un lien personnel'}{' '}
                        envoyé à {request.recommenderEmail}
                        {request.openedAt
                          ? `, ouvert pour la première fois le ${formatDateTime(request.openedAt)}`
                          : ''}
                        .
                      </li>
                      <li>
                        Téléphone : {r.phone ? formatPhone(r.phone) : '—'} —{' '}
                        {r.phoneConfirmed ? 'confirmé par SMS' : 'déclaré, non confirmé'}
                      </li>
                      <li>
                        Domaine de l’e-mail : {emailDomain(request.recommenderEmail)} —{' '}
                        {isAcademicEmail(request.recommenderEmail)
                          ? 'académique'
                          : 'non académique'}
                      </li>
                      <li>
                        Code de vérification :{' '}
                        <strong className="font-mono">{r.verificationCode}</strong>
                      </li>
                      <li className="break-all">
                        Empreinte SHA-256 :{' '}
                        <span className="font-mono text-xs">{r.contentHash}</span> —{' '}
                        {r.intact ? 'contenu intact' : 'contenu modifié depuis la transmission'}
                      </li>
                      <li className="break-all text-slate-600">
                        Adresse IP : {r.ip ?? '—'} · Navigateur : {r.userAgent ?? '—'}
                      </li>
                    </ul>
                  </div>
                  <a
                    href={`/api/recommandations/${request.id}/pdf`}
                    className={buttonClasses('secondary', 'sm')}
                  >
                    Télécharger l’avis (PDF)
                  </a>
                </>
              ) : null}
            </Card>
          )
        })}
      </section>
    </div>
  )
}

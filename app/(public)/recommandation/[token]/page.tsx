import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { eq } from 'drizzle-orm'
import { db } from '@/db'
import { recommendations } from '@/db/schema'
import { diplomaLabel } from '@/lib/admissions/application-fields'
import { formatDate, formatDateTime } from '@/lib/format'
import { candidateDisplayName } from '@/lib/recommendations/invitation-context'
import { findOpenLink, recordOpening } from '@/lib/recommendations/links'
import { campaignQuestions } from '@/lib/recommendations/questions'
import { configuredSmsSender } from '@/lib/sms/sender'
import { RecommendationForm } from '@/components/recommendations/recommendation-form'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = {
  title: 'Avis de poursuite d’études',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

// GET only shows the form and records that the link was opened; nothing is consumed.
export default async function RecommendationPage({
  params,
}: {
  params: Promise<{ token: string }>
}) {
  const { token } = await params
  const link = await findOpenLink(db, token)
  if (!link) notFound()
  await recordOpening(db, link)

  const candidate = candidateDisplayName(link.application)
  const intro = (
    <div className="space-y-1">
      <p className="text-sm font-medium text-brand-700">
        {link.establishmentName} · {link.programmeName}
      </p>
      <h1 className="text-2xl font-bold sm:text-3xl">Avis de poursuite d’études</h1>
      <p className="text-slate-700">
        pour <strong>{candidate}</strong>, demandé à {link.request.recommenderName} (
        {link.request.recommenderPosition})
      </p>
    </div>
  )

  if (link.request.status === 'received') {
    const [recommendation] = await db
      .select()
      .from(recommendations)
      .where(eq(recommendations.requestId, link.request.id))
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        {intro}
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold">Avis déjà transmis</h2>
          <p>
            Votre avis a été enregistré le{' '}
            {recommendation?.submittedAt ? formatDateTime(recommendation.submittedAt) : '—'}. Il ne
            peut plus être modifié. Merci pour votre contribution.
          </p>
          <p>
            Code de vérification :{' '}
            <strong className="font-mono text-lg tracking-wider">
              {recommendation?.verificationCode}
            </strong>
          </p>
        </Card>
      </div>
    )
  }
  if (link.request.status === 'declined') {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        {intro}
        <Card>
          <h2 className="text-lg font-semibold">Demande déclinée</h2>
          <p>
            Vous avez décliné cette demande. Le candidat a été invité à désigner une autre personne.
          </p>
        </Card>
      </div>
    )
  }

  const questions = await campaignQuestions(db, link.campaign.id)
  const [draft] = await db
    .select()
    .from(recommendations)
    .where(eq(recommendations.requestId, link.request.id))
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {intro}
      <Card className="space-y-2 text-sm">
        <p>
          <strong>{candidate}</strong> prépare : {diplomaLabel(link.application.diploma)}
          {link.application.specialty ? ` — ${link.application.specialty}` : ''}
          {link.application.currentEstablishment
            ? `, ${link.application.currentEstablishment}`
            : ''}
          .
        </p>
        <p>
          À transmettre avant le <strong>{formatDate(link.request.expiresAt)}</strong>. Votre saisie
          est enregistrée automatiquement : vous pouvez revenir plus tard par le même lien. Le
          candidat ne verra jamais le contenu de votre avis.
        </p>
      </Card>
      <RecommendationForm
        token={token}
        smsEnabled={configuredSmsSender() !== null}
        questions={questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          label: q.label,
          help: q.help,
          required: q.required,
        }))}
        lastSavedAt={draft?.updatedAt.toISOString()}
        defaultValues={{
          answers: {
            ...Object.fromEntries(questions.map((q) => [q.id, ''])),
            ...(draft?.answers ?? {}),
          },
          opinion: draft?.opinion ?? '',
          phone: draft?.phone ?? '',
        }}
      />
    </div>
  )
}

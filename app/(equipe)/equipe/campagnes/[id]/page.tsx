import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { campaignOf } from '@/lib/admissions/campaign-settings'
import { rolesFor } from '@/lib/auth/permissions'
import { requireMembership } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { renderEmail } from '@/lib/mail/render'
import { toParisDate } from '@/lib/paris-time'
import { campaignQuestions, questionsLocked } from '@/lib/recommendations/questions'
import { documentRequirements } from '@/lib/admissions/campaign-documents'
import { DocumentRequirementsEditor } from '@/components/staff/document-requirements-editor'
import { CampaignSettingsForm } from '@/components/staff/campaign-settings-form'
import { QuestionsEditor } from '@/components/staff/questions-editor'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Paramètres de la campagne' }

export default async function CampaignSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { membership } = await requireMembership(rolesFor('campaigns.edit'), { callbackUrl: `/equipe/campagnes/${id}` })
  const found = await campaignOf(db, membership.establishmentId, id)
  if (!found) notFound()
  const { campaign, programmeName } = found
  const [questions, locked, requirements] = await Promise.all([campaignQuestions(db, campaign.id), questionsLocked(db, campaign.id), documentRequirements(db, campaign.id)])
  const preview = await renderEmail('recommendation-invitation', {
    recommenderName: 'Jean Dupont',
    candidateName: 'Léa Martin',
    programmeName,
    establishmentName: membership.establishmentName,
    deadline: formatDate(campaign.recommendationDeadline),
    url: '#apercu',
    questionCount: questions.length + 1,
  })
  return (
    <div className="space-y-6">
      <Link href="/equipe/campagnes" className="text-sm font-medium text-brand-700 underline">
        ← Campagnes
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{programmeName}</h1>
        <p className="text-slate-600">{campaign.name}</p>
      </div>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Calendrier et recommandations</h2>
        <CampaignSettingsForm
          campaignId={campaign.id}
          defaultValues={{
            name: campaign.name,
            description: campaign.description ?? '',
            opensOn: toParisDate(campaign.opensAt),
            closesOn: toParisDate(campaign.closesAt),
            recommendationDeadlineOn: toParisDate(campaign.recommendationDeadline),
            requiredRecommendations: campaign.requiredRecommendations,
          }}
        />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Pièces justificatives</h2>
        <p className="mb-4 text-sm text-slate-600">Le dossier ne peut être déposé qu’avec toutes les pièces obligatoires ; le type de chaque fichier est vérifié à partir de son contenu.</p>
        <DocumentRequirementsEditor
          campaignId={campaign.id}
          requirements={requirements.map((r) => ({ id: r.id, name: r.name, helpText: r.helpText, formats: r.formats as ('pdf' | 'jpeg' | 'png')[], maxMegabytes: Math.round(r.maxBytes / (1024 * 1024)), required: r.required }))}
        />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Questionnaire de recommandation</h2>
        <QuestionsEditor campaignId={campaign.id} locked={locked} questions={questions.map((q) => ({ id: q.id, kind: q.kind, label: q.label, help: q.help, required: q.required }))} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Aperçu de l’e-mail d’invitation</h2>
        <p className="mb-3 text-sm text-slate-600">
          Objet : <strong>{preview.subject}</strong>
        </p>
        <iframe title="Aperçu de l’e-mail d’invitation" srcDoc={preview.html} sandbox="" className="h-[36rem] w-full rounded-md border border-slate-200" />
      </Card>
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { campaignOf } from '@/lib/admissions/campaign-settings'
import { requireStaff } from '@/lib/auth/session'
import { formatDate } from '@/lib/format'
import { renderEmail } from '@/lib/mail/render'
import { toParisDate } from '@/lib/paris-time'
import { campaignQuestions, questionsLocked } from '@/lib/recommendations/questions'
import { documentRequirements } from '@/lib/admissions/campaign-documents'
import {
  decisionMessage,
  defaultDecisionBody,
  defaultDecisionSubject,
} from '@/lib/admissions/decision-letter'
import { outcomeLabels, responseDeadlineFor } from '@/lib/admissions/decision-rules'
import { campaignCriteria } from '@/lib/admissions/review-criteria'
import { allMotivations } from '@/lib/admissions/motivations'
import { MotivationsEditor } from '@/components/staff/motivations-editor'
import { appUrl } from '@/lib/config/settings'
import { CriteriaEditor } from '@/components/staff/criteria-editor'
import { DecisionSettingsForm } from '@/components/staff/decision-settings-form'
import { DocumentRequirementsEditor } from '@/components/staff/document-requirements-editor'
import { CampaignSettingsForm } from '@/components/staff/campaign-settings-form'
import { QuestionsEditor } from '@/components/staff/questions-editor'
import { Card } from '@/components/ui/card'
import { ProgrammeForm } from '@/components/establishments/programme-form'
import { establishmentDepartments, establishmentProgrammes } from '@/lib/establishments/programmes'

export const metadata: Metadata = { title: 'Paramètres de la campagne' }

export default async function CampaignSettingsPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const { membership } = await requireStaff('campaigns.edit', {
    callbackUrl: `/equipe/campagnes/${id}`,
  })
  const found = await campaignOf(db, membership.establishmentId, id)
  if (!found) notFound()
  const { campaign, programmeName } = found
  const [questions, locked, requirements, criteria, motivations, programmes, departments] =
    await Promise.all([
      campaignQuestions(db, campaign.id),
      questionsLocked(db, campaign.id),
      documentRequirements(db, campaign.id),
      campaignCriteria(db, campaign.id),
      allMotivations(db, membership.establishmentId),
      establishmentProgrammes(db, membership.establishmentId),
      establishmentDepartments(db, membership.establishmentId),
    ])
  const programme = programmes.find((p) => p.id === campaign.programmeId)
  // The saved template as each outcome will read it (example candidate).
  const decisionPreviews = await Promise.all(
    (['admitted', 'waitlisted', 'rejected'] as const).map(async (outcome) => {
      const message = decisionMessage(
        { subject: campaign.decisionEmailSubject, body: campaign.decisionEmailBody },
        {
          outcome,
          firstName: 'Léa',
          lastName: 'Martin',
          programmeName,
          establishmentName: membership.establishmentName,
          responseDeadline:
            outcome === 'admitted' ? responseDeadlineFor(campaign, new Date()) : null,
          waitlistRank: outcome === 'waitlisted' ? 3 : null,
          motivation:
            outcome === 'rejected'
              ? (motivations.find((m) => m.active)?.label ?? 'Capacité d’accueil atteinte')
              : null,
          spaceUrl: `${appUrl()}/espace`,
        },
      )
      return {
        outcome,
        email: await renderEmail('decision', {
          subject: message.subject,
          body: message.body,
          spaceUrl: `${appUrl()}/espace`,
          hasLetter: true,
        }),
      }
    }),
  )
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
      {programme ? (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Formation</h2>
          <p className="mb-4 text-sm text-slate-600">
            Telle que le catalogue la présente, pour toutes ses campagnes.
          </p>
          <ProgrammeForm
            campaignId={campaign.id}
            programmeId={programme.id}
            departments={departments.map((d) => d.name)}
            defaultValues={{
              programmeName: programme.name,
              programmeLevel: programme.level ?? '',
              departmentName: programme.departmentName ?? '',
              programmeDescription: programme.description ?? '',
            }}
          />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Pièces justificatives</h2>
        <p className="mb-4 text-sm text-slate-600">
          Le dossier ne peut être déposé qu’avec toutes les pièces obligatoires ; le type de chaque
          fichier est vérifié à partir de son contenu.
        </p>
        <DocumentRequirementsEditor
          campaignId={campaign.id}
          requirements={requirements.map((r) => ({
            id: r.id,
            name: r.name,
            helpText: r.helpText,
            formats: r.formats as ('pdf' | 'jpeg' | 'png')[],
            maxMegabytes: Math.round(r.maxBytes / (1024 * 1024)),
            required: r.required,
          }))}
        />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Questionnaire de recommandation</h2>
        <QuestionsEditor
          campaignId={campaign.id}
          locked={locked}
          questions={questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            label: q.label,
            help: q.help,
            required: q.required,
          }))}
        />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Grille d’examen</h2>
        <p className="mb-4 text-sm text-slate-600">
          Chaque note est ramenée sur 20 et pondérée par son coefficient ; la moyenne des
          examinateurs donne le classement.
        </p>
        <CriteriaEditor
          campaignId={campaign.id}
          criteria={criteria.map((c) => ({
            id: c.id,
            label: c.label,
            scaleMax: c.scaleMax,
            weight: c.weight,
          }))}
        />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Décisions et réponse des candidats</h2>
        <DecisionSettingsForm
          campaignId={campaign.id}
          defaultValues={{
            responseDays: campaign.responseDays,
            responseDeadlineOn: campaign.responseDeadline
              ? toParisDate(campaign.responseDeadline)
              : '',
            decisionEmailSubject: campaign.decisionEmailSubject ?? defaultDecisionSubject,
            decisionEmailBody: campaign.decisionEmailBody ?? defaultDecisionBody,
          }}
        />
        <h3 className="mt-6 mb-2 font-semibold">Aperçus</h3>
        {decisionPreviews.map(({ outcome, email }) => (
          <details
            key={outcome}
            className="mb-2 rounded-md border border-slate-200 p-3"
            open={outcome === 'admitted'}
          >
            <summary className="cursor-pointer font-medium">
              {outcomeLabels[outcome]} — objet : {email.subject}
            </summary>
            <iframe
              title={`Aperçu de l’e-mail de décision (${outcomeLabels[outcome].toLowerCase()})`}
              srcDoc={email.html}
              sandbox=""
              className="mt-3 h-96 w-full rounded-md border border-slate-200"
            />
          </details>
        ))}
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Motifs de décision défavorable</h2>
        <p className="mb-4 text-sm text-slate-600">
          Communs à toutes les campagnes de l’établissement. Un avis défavorable en cite un, avec
          des précisions si besoin.
        </p>
        <MotivationsEditor
          campaignId={campaign.id}
          motivations={motivations.map((m) => ({ id: m.id, label: m.label, active: m.active }))}
        />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Aperçu de l’e-mail d’invitation</h2>
        <p className="mb-3 text-sm text-slate-600">
          Objet : <strong>{preview.subject}</strong>
        </p>
        <iframe
          title="Aperçu de l’e-mail d’invitation"
          srcDoc={preview.html}
          sandbox=""
          className="h-[36rem] w-full rounded-md border border-slate-200"
        />
      </Card>
    </div>
  )
}

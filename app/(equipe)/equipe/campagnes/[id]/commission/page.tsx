import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { campaignOf } from '@/lib/admissions/campaign-settings'
import { decisionMessage } from '@/lib/admissions/decision-letter'
import { pendingDecisions } from '@/lib/admissions/decision-entry'
import { outcomeLabels, responseDeadlineFor } from '@/lib/admissions/decision-rules'
import { motivationsOf } from '@/lib/admissions/motivations'
import { establishmentReviewers } from '@/lib/admissions/review-assignments'
import { campaignRanking } from '@/lib/admissions/review-results'
import { requireStaff } from '@/lib/auth/session'
import { appUrl } from '@/lib/config/settings'
import { renderEmail } from '@/lib/mail/render'
import { CommissionBoard } from '@/components/staff/commission-board'
import { buttonClasses } from '@/components/ui/button'

export const metadata: Metadata = { title: 'Commission' }

// The commission's table for one campaign: ranking from the review grid, assignments,
// decisions entered, and their publication (preview first).
export default async function CommissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { membership, scope, may } = await requireStaff('applications.view', {
    callbackUrl: `/equipe/campagnes/${id}/commission`,
  })
  const found = await campaignOf(db, membership.establishmentId, id)
  if (!found) notFound()
  const allowed = {
    manage: may('applications.manage'),
    enter: may('decisions.enter'),
    publish: may('decisions.publish'),
  }
  const [{ criteria, files }, reviewers, motivations, pending] = await Promise.all([
    campaignRanking(db, scope, id),
    establishmentReviewers(db, membership.establishmentId),
    motivationsOf(db, membership.establishmentId),
    pendingDecisions(db, scope, id),
  ])
  const pendingByApp = new Map(pending.map((p) => [p.decision.applicationId, p.decision.outcome]))
  const previews = await Promise.all(
    [...new Set(pending.map((p) => p.decision.outcome))].map(async (outcome) => {
      const sample = pending.find((p) => p.decision.outcome === outcome)!
      const message = decisionMessage(
        { subject: found.campaign.decisionEmailSubject, body: found.campaign.decisionEmailBody },
        {
          outcome,
          firstName: sample.firstName ?? '',
          lastName: sample.lastName ?? '',
          programmeName: found.programmeName,
          establishmentName: membership.establishmentName,
          waitlistRank: sample.decision.waitlistRank ?? 1,
          motivation:
            [sample.motivation, sample.decision.motivationText].filter(Boolean).join(' — ') || null,
          responseDeadline: responseDeadlineFor(found.campaign, new Date()),
          spaceUrl: `${appUrl()}/espace`,
        },
      )
      const rendered = await renderEmail('decision', {
        subject: message.subject,
        body: message.body,
        spaceUrl: `${appUrl()}/espace`,
        hasLetter: true,
      })
      return { outcome: outcomeLabels[outcome], subject: rendered.subject, html: rendered.html }
    }),
  )
  return (
    <div className="space-y-4">
      {may('campaigns.view') ? (
        <Link href="/equipe/campagnes" className="text-sm font-medium text-brand-700 underline">
          ← Campagnes
        </Link>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Commission — {found.programmeName}</h1>
          <p className="text-slate-600">
            {found.campaign.name} · grille :{' '}
            {criteria.length
              ? criteria
                  .map((c) => `${c.label} /${c.scaleMax} ×${c.weight.toLocaleString('fr-FR')}`)
                  .join(', ')
              : 'aucun critère (à définir dans les paramètres)'}
          </p>
        </div>
        {/* No export button where there is nothing this reader may export. */}
        {may('applications.export') && files.length > 0 ? (
          <div className="flex flex-wrap gap-2">
            <a
              href={`/api/exports/si?campagne=${id}&format=csv`}
              className={buttonClasses('secondary', 'sm')}
            >
              Export SI — inscrits confirmés (CSV)
            </a>
            <a
              href={`/api/exports/si?campagne=${id}&format=xlsx`}
              className={buttonClasses('secondary', 'sm')}
            >
              Export SI (XLSX)
            </a>
          </div>
        ) : null}
      </div>
      <CommissionBoard
        campaignId={id}
        rows={files.map((f) => ({
          id: f.id,
          name: [f.lastName?.toUpperCase(), f.firstName].filter(Boolean).join(' ') || 'Sans nom',
          status: f.status,
          rank: f.rank,
          average: f.average,
          spread: f.spread,
          disagreement: f.disagreement,
          reviewers: f.reviewers,
          pendingDecision: pendingByApp.has(f.id) ? outcomeLabels[pendingByApp.get(f.id)!] : null,
          waitlistRank: f.waitlistRank,
        }))}
        reviewers={reviewers.map((r) => ({ id: r.id, label: r.name ?? r.email }))}
        motivations={motivations}
        pendingCount={pending.length}
        previews={previews}
        can={allowed}
      />
    </div>
  )
}

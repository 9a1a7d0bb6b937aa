import { desc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { decisionMotivations, decisions } from '@/db/schema'
import { stateLabels } from '@/lib/admissions/application-status'
import { outcomeLabels } from '@/lib/admissions/decision-rules'
import { staffDocuments } from '@/lib/admissions/documents'
import { applicationReviews } from '@/lib/admissions/review-results'
import { civilityLabel, diplomaLabel } from '@/lib/admissions/application-fields'
import { applicationDetail } from '@/lib/admissions/staff-applications'
import type { StaffScope } from '@/lib/auth/staff-context'
import { formatDate } from '@/lib/format'
import { formatPhone } from '@/lib/validation/phone'
import { displayStatus, displayStatusLabels } from '@/lib/recommendations/request-status'
import { opinionLabel, scaleLabel } from '@/lib/recommendations/scales'

const documentStatus = { pending: 'à vérifier', valid: 'validée', refused: 'refusée' } as const

/** Everything the PDF summary of one application shows, or undefined outside the scope. */
export async function applicationSummary(
  db: Executor,
  scope: StaffScope,
  applicationId: string,
  establishmentName: string,
) {
  const detail = await applicationDetail(db, scope, applicationId)
  if (!detail) return undefined
  const a = detail.application
  const [documents, reviews, [decision]] = await Promise.all([
    staffDocuments(db, detail.campaignId, a.id),
    applicationReviews(db, a.id, detail.campaignId),
    db
      .select({
        outcome: decisions.outcome,
        motivation: decisionMotivations.label,
        motivationText: decisions.motivationText,
        publishedAt: decisions.publishedAt,
      })
      .from(decisions)
      .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
      .where(eq(decisions.applicationId, a.id))
      .orderBy(desc(decisions.createdAt))
      .limit(1),
  ])
  const now = new Date()
  return {
    establishmentName,
    programmeName: detail.programmeName,
    campaignName: detail.campaignName,
    status: stateLabels[a.status],
    submittedAt: a.submittedAt,
    identity: [
      ['Civilité', civilityLabel(a.civility)],
      ['Prénom', a.firstName ?? ''],
      ['Nom', a.lastName ?? ''],
      ['Date de naissance', a.birthDate ? formatDate(new Date(`${a.birthDate}T12:00:00Z`)) : ''],
      ['E-mail', a.email],
      ['Téléphone', a.phone ? formatPhone(a.phone) : ''],
      [
        'Adresse',
        [a.addressLine, [a.postalCode, a.city].filter(Boolean).join(' '), a.country]
          .filter(Boolean)
          .join(', '),
      ],
    ] as [string, string][],
    studies: [
      ['Diplôme en cours', diplomaLabel(a.diploma)],
      ['Établissement', a.currentEstablishment ?? ''],
      ['Spécialité', a.specialty ?? ''],
      ['Année d’obtention', a.graduationYear ? String(a.graduationYear) : ''],
    ] as [string, string][],
    motivation: a.motivation ?? '',
    documents: documents.map(({ requirement, file }) => ({
      name: requirement.name,
      file: file?.fileName ?? null,
      status: file
        ? documentStatus[file.status]
        : requirement.required
          ? 'manquante'
          : 'non fournie (facultative)',
    })),
    recommendations: detail.requests.map(({ request, recommendation, invitationStatus }) => {
      const r = recommendation?.submittedAt ? recommendation : null
      return {
        recommender: `${request.recommenderName} (${request.recommenderPosition})`,
        status: displayStatusLabels[displayStatus(request, invitationStatus, now)],
        opinion: r ? opinionLabel(r.opinion) : null,
        answers: (r?.submittedAnswers ?? []).map((x) => ({
          label: x.label,
          value: x.kind === 'scale' ? scaleLabel(x.value) : x.value,
        })),
        code: r?.verificationCode ?? null,
        phoneConfirmed: r ? r.phoneConfirmed : null,
      }
    }),
    reviews: reviews.reviews.map((r) => ({
      reviewer: r.reviewer,
      completed: Boolean(r.completedAt),
      mark: reviews.result.marks.find((m) => m.reviewerId === r.reviewerId)?.mark ?? null,
      scores: reviews.criteria.map((c) => ({
        label: c.label,
        value: r.scores[c.id] === undefined ? '—' : `${r.scores[c.id]}/${c.scaleMax}`,
      })),
      comment: r.comment,
    })),
    average: reviews.result.average,
    spread: reviews.result.spread,
    // The submitted recommendations the PDF shows (each reading is on record).
    readRecommendationIds: detail.requests
      .filter((r) => r.recommendation?.submittedAt)
      .map((r) => r.request.id),
    decision: decision
      ? {
          outcome: outcomeLabels[decision.outcome],
          motivation:
            [decision.motivation, decision.motivationText].filter(Boolean).join(' — ') || null,
          publishedAt: decision.publishedAt,
        }
      : null,
    generatedAt: now,
  }
}

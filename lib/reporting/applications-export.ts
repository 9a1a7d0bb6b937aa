import { stateLabels } from '@/lib/admissions/application-status'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '@/db'
import { admissionCampaigns, recommendationQuestions } from '@/db/schema'
import type { ListParams } from '@/lib/admissions/list-params'
import { civilityLabel, diplomaLabel } from '@/lib/admissions/schemas'
import { applicationBatches, recommendationsFor } from '@/lib/admissions/staff-applications'
import { displayStatus, displayStatusLabels } from '@/lib/recommendations/request-status'
import { opinionLabel, scaleLabel } from '@/lib/recommendations/scales'
import type { StaffScope } from '@/lib/admissions/staff-scope'
import type { Cell } from './cells'

/**
 * The filtered view as a header and rows, one row per application, each recommender's
 * ratings in columns. Rows come in batches so an export never holds the whole table.
 */
export async function* applicationExport(db: Executor, scope: StaffScope, params: ListParams): AsyncGenerator<Cell[]> {
  const campaigns = await db
    .select({ id: admissionCampaigns.id, required: admissionCampaigns.requiredRecommendations })
    .from(admissionCampaigns)
    .where(and(eq(admissionCampaigns.establishmentId, scope.establishmentId), params.campagne ? eq(admissionCampaigns.id, params.campagne) : undefined))
  const slots = Math.max(1, ...campaigns.map((c) => c.required))
  const questions = campaigns.length
    ? await db
        .select({ label: recommendationQuestions.label, kind: recommendationQuestions.kind })
        .from(recommendationQuestions)
        .where(inArray(recommendationQuestions.campaignId, campaigns.map((c) => c.id)))
        .orderBy(asc(recommendationQuestions.position))
    : []
  const scaleLabels = [...new Set(questions.filter((q) => q.kind === 'scale').map((q) => q.label))]

  const header: string[] = [
    'Formation', 'Campagne', 'Statut', 'Déposée le', 'Civilité', 'Prénom', 'Nom', 'Date de naissance', 'E-mail', 'Téléphone',
    'Adresse', 'Code postal', 'Ville', 'Pays', 'Diplôme en cours', 'Établissement', 'Spécialité', 'Année d’obtention', 'Recommandations reçues',
  ]
  for (let slot = 1; slot <= slots; slot++) {
    header.push(`Recommandant ${slot}`, `Recommandant ${slot} — poste`, `Recommandant ${slot} — e-mail`, `Recommandant ${slot} — statut`, `Recommandant ${slot} — avis global`)
    for (const label of scaleLabels) header.push(`Recommandant ${slot} — ${label}`)
    header.push(`Recommandant ${slot} — téléphone confirmé`, `Recommandant ${slot} — code de vérification`)
  }
  yield header

  const now = new Date()
  for await (const batch of applicationBatches(db, scope, params)) {
    const requests = await recommendationsFor(db, batch.map((r) => r.id))
    for (const row of batch) {
      const a = row.application
      const cells: Cell[] = [
        row.programmeName, row.campaignName, stateLabels[a.status], a.submittedAt, civilityLabel(a.civility), a.firstName, a.lastName, a.birthDate, a.email, a.phone,
        a.addressLine, a.postalCode, a.city, a.country, diplomaLabel(a.diploma), a.currentEstablishment, a.specialty, a.graduationYear, `${row.received}/${row.required}`,
      ]
      const mine = requests.filter((r) => r.request.applicationId === a.id)
      for (let slot = 0; slot < slots; slot++) {
        const r = mine.find((x) => x.request.slot === slot)
        if (!r) {
          cells.push(...Array<Cell>(7 + scaleLabels.length).fill(null))
          continue
        }
        const submitted = r.recommendation?.submittedAt ? r.recommendation : null
        cells.push(r.request.recommenderName, r.request.recommenderPosition, r.request.recommenderEmail, displayStatusLabels[displayStatus(r.request, r.invitationStatus, now)], submitted ? opinionLabel(submitted.opinion) : null)
        for (const label of scaleLabels) {
          const answer = submitted?.submittedAnswers?.find((x) => x.label === label && x.kind === 'scale')
          cells.push(answer ? scaleLabel(answer.value) : null)
        }
        cells.push(submitted ? (submitted.phoneConfirmed ? 'oui' : 'non (déclaré)') : null, submitted?.verificationCode ?? null)
      }
      yield cells
    }
  }
}

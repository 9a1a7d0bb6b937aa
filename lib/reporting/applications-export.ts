import { stateLabels } from '@/lib/admissions/application-status'
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applicationDocuments,
  applications,
  campaignDocuments,
  decisionMotivations,
  decisions,
  recommendationQuestions,
  reviewAssignments,
  reviewCriteria,
  reviewScores,
  users,
} from '@/db/schema'
import type { ListParams } from '@/lib/admissions/list-params'
import { civilityLabel, diplomaLabel } from '@/lib/admissions/schemas'
import {
  applicationBatches,
  applicationFilters,
  recommendationsFor,
} from '@/lib/admissions/staff-applications'
import { fileResult } from '@/lib/admissions/review-grid'
import { outcomeLabels } from '@/lib/admissions/decision-rules'
import { displayStatus, displayStatusLabels } from '@/lib/recommendations/request-status'
import { opinionLabel, scaleLabel } from '@/lib/recommendations/scales'
import type { StaffScope } from '@/lib/auth/staff-context'
import type { Cell } from './cells'
import { exportColumnKeys, type ExportColumnKey } from './export-columns'

const documentStatusLabels = {
  pending: 'À vérifier',
  valid: 'Validée',
  refused: 'Refusée',
} as const

/** What the campaigns of the export ask for: recommendation scales, documents, criteria. */
async function exportContext(db: Executor, scope: StaffScope, params: ListParams) {
  const campaigns = await db
    .select({ id: admissionCampaigns.id, required: admissionCampaigns.requiredRecommendations })
    .from(admissionCampaigns)
    .where(
      and(
        eq(admissionCampaigns.establishmentId, scope.establishmentId),
        params.campaignId ? eq(admissionCampaigns.id, params.campaignId) : undefined,
      ),
    )
  const ids = campaigns.map((c) => c.id)
  if (ids.length === 0)
    return {
      slots: 0,
      scaleLabels: [] as string[],
      textLabels: [] as string[],
      documentNames: [] as string[],
      criteria: [] as {
        id: string
        label: string
        scaleMax: number
        weight: number
        campaignId: string
      }[],
      reviewerSlots: 0,
    }
  const [questions, requirements, criteria] = await Promise.all([
    db
      .select({ label: recommendationQuestions.label, kind: recommendationQuestions.kind })
      .from(recommendationQuestions)
      .where(inArray(recommendationQuestions.campaignId, ids))
      .orderBy(asc(recommendationQuestions.position)),
    db
      .select({ name: campaignDocuments.name })
      .from(campaignDocuments)
      .where(inArray(campaignDocuments.campaignId, ids))
      .orderBy(asc(campaignDocuments.position)),
    db
      .select()
      .from(reviewCriteria)
      .where(inArray(reviewCriteria.campaignId, ids))
      .orderBy(asc(reviewCriteria.position)),
  ])
  const filtered = db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .where(applicationFilters(scope, params))
  const counts = db
    .select({ c: sql<number>`count(*)`.as('c') })
    .from(reviewAssignments)
    .where(inArray(reviewAssignments.applicationId, filtered))
    .groupBy(reviewAssignments.applicationId)
    .as('counts')
  const [reviewers] = await db
    .select({ n: sql<number>`coalesce(max(${counts.c}), 0)::int` })
    .from(counts)
  return {
    slots: Math.max(1, ...campaigns.map((c) => c.required)),
    scaleLabels: [...new Set(questions.filter((q) => q.kind === 'scale').map((q) => q.label))],
    textLabels: [...new Set(questions.filter((q) => q.kind === 'text').map((q) => q.label))],
    documentNames: [...new Set(requirements.map((r) => r.name))],
    criteria: criteria.map((c) => ({
      id: c.id,
      label: c.label,
      scaleMax: c.scaleMax,
      weight: Number(c.weight),
      campaignId: c.campaignId,
    })),
    reviewerSlots: reviewers?.n ?? 0,
  }
}

/** Documents, reviews and the latest published decision of a batch of applications. */
async function batchDetails(db: Executor, applicationIds: string[]) {
  const [documents, assignments, published] = await Promise.all([
    db
      .select({
        applicationId: applicationDocuments.applicationId,
        name: campaignDocuments.name,
        status: applicationDocuments.status,
        fileName: applicationDocuments.fileName,
        uploadedAt: applicationDocuments.uploadedAt,
        refusalReason: applicationDocuments.refusalReason,
      })
      .from(applicationDocuments)
      .innerJoin(
        campaignDocuments,
        eq(campaignDocuments.id, applicationDocuments.campaignDocumentId),
      )
      .where(inArray(applicationDocuments.applicationId, applicationIds)),
    db
      .select({
        id: reviewAssignments.id,
        applicationId: reviewAssignments.applicationId,
        reviewerId: reviewAssignments.reviewerUserId,
        reviewer: sql<string>`coalesce(${users.name}, ${users.email})`,
        completedAt: reviewAssignments.completedAt,
        comment: reviewAssignments.comment,
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
      .where(inArray(reviewAssignments.applicationId, applicationIds))
      .orderBy(asc(reviewAssignments.createdAt)),
    db
      .selectDistinctOn([decisions.applicationId], {
        applicationId: decisions.applicationId,
        outcome: decisions.outcome,
        motivation: decisionMotivations.label,
        motivationText: decisions.motivationText,
      })
      .from(decisions)
      .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
      .where(
        and(inArray(decisions.applicationId, applicationIds), isNotNull(decisions.publishedAt)),
      )
      .orderBy(decisions.applicationId, desc(decisions.publishedAt)),
  ])
  const scores = assignments.length
    ? await db
        .select()
        .from(reviewScores)
        .where(
          inArray(
            reviewScores.assignmentId,
            assignments.map((a) => a.id),
          ),
        )
    : []
  return { documents, assignments, published, scores }
}

/**
 * The filtered view as a header and rows, one row per application, with the columns chosen
 * (all by default). Rows come in batches of 500 with their documents, recommendations,
 * reviews and decisions loaded per batch: an export never holds the whole table.
 */
export async function* applicationExport(
  db: Executor,
  scope: StaffScope,
  params: ListParams,
  columns: readonly ExportColumnKey[] = exportColumnKeys,
): AsyncGenerator<Cell[]> {
  const on = new Set(columns)
  const ctx = await exportContext(db, scope, params)
  const fixedHeader: Partial<Record<ExportColumnKey, string[]>> = {
    formation: ['Formation'],
    campagne: ['Campagne'],
    statut: ['Statut'],
    depot: ['Déposée le'],
    creation: ['Commencée le'],
    decidee: ['Décision publiée le'],
    retrait: ['Désistement le'],
    id: ['Identifiant Tremplin'],
    civilite: ['Civilité'],
    prenom: ['Prénom'],
    nom: ['Nom'],
    naissance: ['Date de naissance'],
    email: ['E-mail'],
    telephone: ['Téléphone'],
    adresse: ['Adresse'],
    code_postal: ['Code postal'],
    ville: ['Ville'],
    pays: ['Pays'],
    diplome: ['Diplôme en cours'],
    etablissement: ['Établissement'],
    specialite: ['Spécialité'],
    annee: ['Année d’obtention'],
    motivation: ['Lettre de motivation'],
    pieces: ctx.documentNames.map((n) => `Pièce — ${n}`),
    pieces_detail: ctx.documentNames.flatMap((n) => [
      `Pièce — ${n} — déposée le`,
      `Pièce — ${n} — motif de refus`,
    ]),
    recos_recues: ['Recommandations reçues'],
    recos: Array.from({ length: ctx.slots }, (_, i) => {
      const slot = i + 1
      return [
        `Recommandant ${slot}`,
        `Recommandant ${slot} — poste`,
        `Recommandant ${slot} — e-mail`,
        `Recommandant ${slot} — statut`,
        `Recommandant ${slot} — avis global`,
        ...ctx.scaleLabels.map((l) => `Recommandant ${slot} — ${l}`),
        `Recommandant ${slot} — téléphone confirmé`,
        `Recommandant ${slot} — code de vérification`,
      ]
    }).flat(),
    recos_textes: Array.from({ length: ctx.slots }, (_, i) => [
      `Recommandant ${i + 1} — transmise le`,
      `Recommandant ${i + 1} — téléphone`,
      ...ctx.textLabels.map((l) => `Recommandant ${i + 1} — ${l}`),
    ]).flat(),
    moyenne: ['Moyenne /20'],
    ecart: ['Écart entre examinateurs'],
    notes_criteres: [...new Set(ctx.criteria.map((c) => c.label))].map((l) => `Note — ${l}`),
    notes_examinateurs: Array.from({ length: ctx.reviewerSlots }, (_, i) => [
      `Examinateur ${i + 1}`,
      `Examinateur ${i + 1} — note /20`,
    ]).flat(),
    grilles: Array.from({ length: ctx.reviewerSlots }, (_, i) => [
      ...[...new Set(ctx.criteria.map((c) => c.label))].map((l) => `Examinateur ${i + 1} — ${l}`),
      `Examinateur ${i + 1} — commentaire`,
    ]).flat(),
    decision: ['Décision publiée'],
    motif: ['Motif'],
    rang_attente: ['Rang sur liste d’attente'],
    date_reponse: ['Date limite de réponse'],
    reponse: ['Réponse du candidat le'],
  }
  yield columns.flatMap((k) => fixedHeader[k] ?? [])

  const criterionLabels = [...new Set(ctx.criteria.map((c) => c.label))]
  const now = new Date()
  for await (const batch of applicationBatches(db, scope, params)) {
    const ids = batch.map((r) => r.id)
    const [requests, details] = await Promise.all([
      on.has('recos') || on.has('recos_textes') ? recommendationsFor(db, ids) : Promise.resolve([]),
      batchDetails(db, ids),
    ])
    for (const row of batch) {
      const a = row.application
      const mine = details.assignments.filter((x) => x.applicationId === a.id)
      const criteria = ctx.criteria.filter((c) => c.campaignId === a.campaignId)
      const reviews = mine.map((x) => ({
        reviewerId: x.reviewerId,
        completed: Boolean(x.completedAt),
        scores: Object.fromEntries(
          details.scores
            .filter((s) => s.assignmentId === x.id)
            .map((s) => [s.criterionId, s.score]),
        ),
      }))
      const result = fileResult(criteria, reviews)
      const decision = details.published.find((d) => d.applicationId === a.id)
      const cells: Cell[] = []
      for (const key of columns) {
        switch (key) {
          case 'formation':
            cells.push(row.programmeName)
            break
          case 'campagne':
            cells.push(row.campaignName)
            break
          case 'statut':
            cells.push(stateLabels[a.status])
            break
          case 'depot':
            cells.push(a.submittedAt)
            break
          case 'creation':
            cells.push(a.createdAt)
            break
          case 'decidee':
            cells.push(a.decidedAt)
            break
          case 'retrait':
            cells.push(a.withdrawnAt)
            break
          case 'id':
            cells.push(a.id)
            break
          case 'civilite':
            cells.push(civilityLabel(a.civility))
            break
          case 'prenom':
            cells.push(a.firstName)
            break
          case 'nom':
            cells.push(a.lastName)
            break
          case 'naissance':
            cells.push(a.birthDate)
            break
          case 'email':
            cells.push(a.email)
            break
          case 'telephone':
            cells.push(a.phone)
            break
          case 'adresse':
            cells.push(a.addressLine)
            break
          case 'code_postal':
            cells.push(a.postalCode)
            break
          case 'ville':
            cells.push(a.city)
            break
          case 'pays':
            cells.push(a.country)
            break
          case 'diplome':
            cells.push(diplomaLabel(a.diploma))
            break
          case 'etablissement':
            cells.push(a.currentEstablishment)
            break
          case 'specialite':
            cells.push(a.specialty)
            break
          case 'annee':
            cells.push(a.graduationYear)
            break
          case 'motivation':
            cells.push(a.motivation)
            break
          case 'pieces':
            for (const name of ctx.documentNames) {
              const d = details.documents.find((x) => x.applicationId === a.id && x.name === name)
              cells.push(d ? `${documentStatusLabels[d.status]} (${d.fileName})` : null)
            }
            break
          case 'pieces_detail':
            for (const name of ctx.documentNames) {
              const d = details.documents.find((x) => x.applicationId === a.id && x.name === name)
              cells.push(d?.uploadedAt ?? null, d?.status === 'refused' ? d.refusalReason : null)
            }
            break
          case 'recos_recues':
            cells.push(`${row.received}/${row.required}`)
            break
          case 'recos_textes': {
            const theirs = requests.filter((r) => r.request.applicationId === a.id)
            for (let slot = 0; slot < ctx.slots; slot++) {
              const submitted = theirs.find(
                (x) => x.request.slot === slot && x.recommendation?.submittedAt,
              )?.recommendation
              cells.push(submitted?.submittedAt ?? null, submitted?.phone ?? null)
              for (const label of ctx.textLabels)
                cells.push(
                  submitted?.submittedAnswers?.find((x) => x.label === label && x.kind === 'text')
                    ?.value ?? null,
                )
            }
            break
          }
          case 'recos': {
            const theirs = requests.filter((r) => r.request.applicationId === a.id)
            for (let slot = 0; slot < ctx.slots; slot++) {
              const r = theirs.find((x) => x.request.slot === slot)
              if (!r) {
                cells.push(...Array<Cell>(7 + ctx.scaleLabels.length).fill(null))
                continue
              }
              const submitted = r.recommendation?.submittedAt ? r.recommendation : null
              cells.push(
                r.request.recommenderName,
                r.request.recommenderPosition,
                r.request.recommenderEmail,
                displayStatusLabels[displayStatus(r.request, r.invitationStatus, now)],
                submitted ? opinionLabel(submitted.opinion) : null,
              )
              for (const label of ctx.scaleLabels) {
                const answer = submitted?.submittedAnswers?.find(
                  (x) => x.label === label && x.kind === 'scale',
                )
                cells.push(answer ? scaleLabel(answer.value) : null)
              }
              cells.push(
                submitted ? (submitted.phoneConfirmed ? 'oui' : 'non (déclaré)') : null,
                submitted?.verificationCode ?? null,
              )
            }
            break
          }
          case 'moyenne':
            cells.push(result.average)
            break
          case 'ecart':
            cells.push(result.spread)
            break
          case 'notes_criteres':
            for (const label of criterionLabels) {
              const c = criteria.find((x) => x.label === label)
              const values = c
                ? reviews
                    .filter((r) => r.completed && r.scores[c.id] !== undefined)
                    .map((r) => r.scores[c.id]!)
                : []
              cells.push(
                values.length
                  ? Math.round((values.reduce((x, y) => x + y, 0) / values.length) * 100) / 100
                  : null,
              )
            }
            break
          case 'notes_examinateurs':
            for (let i = 0; i < ctx.reviewerSlots; i++) {
              const x = mine[i]
              cells.push(
                x?.reviewer ?? null,
                x ? (result.marks.find((m) => m.reviewerId === x.reviewerId)?.mark ?? null) : null,
              )
            }
            break
          case 'grilles':
            for (let i = 0; i < ctx.reviewerSlots; i++) {
              const x = mine[i]
              const theirScores = x ? reviews[i]!.scores : {}
              for (const label of criterionLabels) {
                const c = criteria.find((y) => y.label === label)
                cells.push(c && theirScores[c.id] !== undefined ? theirScores[c.id]! : null)
              }
              cells.push(x?.comment || null)
            }
            break
          case 'decision':
            cells.push(decision ? outcomeLabels[decision.outcome] : null)
            break
          case 'motif':
            cells.push(
              [decision?.motivation, decision?.motivationText].filter(Boolean).join(' — ') || null,
            )
            break
          case 'rang_attente':
            cells.push(a.status === 'waitlisted' ? a.waitlistRank : null)
            break
          case 'date_reponse':
            cells.push(a.responseDeadline)
            break
          case 'reponse':
            cells.push(a.answeredAt)
            break
        }
      }
      yield cells
    }
  }
}

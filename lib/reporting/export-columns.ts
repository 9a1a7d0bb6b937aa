import { stateLabels } from '@/lib/admissions/application-status'
import { outcomeLabels } from '@/lib/admissions/decision-rules'
import { civilityLabel, diplomaLabel } from '@/lib/admissions/application-fields'
import { displayStatus, displayStatusLabels } from '@/lib/recommendations/request-status'
import { opinionLabel, scaleLabel } from '@/lib/recommendations/scales'
import type { Cell } from './cells'
import type { ExportContext } from './export-context'
import type { ExportLookup, ExportRow } from './export-rows'

// The columns of the applications export, in the order of the file and of the column
// chooser: the only place a column is named, labelled and filled. A column is one cell, or a
// family that expands into as many cells as the exported campaigns ask for (recommenders,
// documents, criteria, reviewers): `headers` and `cells` always return as many values.

export type ExportColumn<Key extends string = string> = {
  key: Key
  /** The chooser's group and label. */
  group: string
  label: string
  /** What a row must carry for this column beyond the application (one query per batch). */
  lookups: readonly ExportLookup[]
  headers: (ctx: ExportContext) => string[]
  cells: (row: ExportRow, ctx: ExportContext) => Cell[]
}

/** A single-cell column headed by its label. */
const single = <Key extends string>(
  key: Key,
  group: string,
  label: string,
  cell: (row: ExportRow) => Cell,
  lookups: readonly ExportLookup[] = [],
): ExportColumn<Key> => ({
  key,
  group,
  label,
  lookups,
  headers: () => [label],
  cells: (row) => [cell(row)],
})

const documentStatusLabels = {
  pending: 'À vérifier',
  valid: 'Validée',
  refused: 'Refusée',
} as const

const slots = (ctx: ExportContext) => Array.from({ length: ctx.slots }, (_, i) => i)
const reviewerSlots = (ctx: ExportContext) => Array.from({ length: ctx.reviewerSlots }, (_, i) => i)
const answer = (
  submitted: NonNullable<ExportRow['requests'][number]['submitted']> | null | undefined,
  label: string,
  kind: 'scale' | 'text',
) => submitted?.answers?.find((x) => x.label === label && x.kind === kind)?.value

const recommenderCells = (row: ExportRow, ctx: ExportContext): Cell[] =>
  slots(ctx).flatMap((slot) => {
    const r = row.requests.find((x) => x.slot === slot)
    if (!r) return Array<Cell>(7 + ctx.scaleLabels.length).fill(null)
    const submitted = r.submitted
    return [
      r.recommenderName,
      r.recommenderPosition,
      r.recommenderEmail,
      displayStatusLabels[displayStatus(r, r.invitationStatus, ctx.now)],
      submitted ? opinionLabel(submitted.opinion) : null,
      ...ctx.scaleLabels.map((label) => {
        const value = answer(submitted, label, 'scale')
        return value !== undefined ? scaleLabel(value) : null
      }),
      submitted ? (submitted.phoneConfirmed ? 'oui' : 'non (déclaré)') : null,
      submitted?.verificationCode ?? null,
    ]
  })

const criterionAverages = (row: ExportRow, ctx: ExportContext): Cell[] =>
  ctx.criterionLabels.map((label) => {
    const c = row.criteria.find((x) => x.label === label)
    const values = c
      ? row.reviews
          .filter((r) => r.completed && r.scores[c.id] !== undefined)
          .map((r) => r.scores[c.id]!)
      : []
    return values.length
      ? Math.round((values.reduce((x, y) => x + y, 0) / values.length) * 100) / 100
      : null
  })

export const applicationExportColumns = [
  single('formation', 'Candidature', 'Formation', (r) => r.programmeName),
  single('campagne', 'Candidature', 'Campagne', (r) => r.campaignName),
  single('statut', 'Candidature', 'Statut', (r) => stateLabels[r.application.status]),
  single('depot', 'Candidature', 'Déposée le', (r) => r.application.submittedAt),
  single('creation', 'Candidature', 'Commencée le', (r) => r.application.createdAt),
  single('decidee', 'Candidature', 'Décision publiée le', (r) => r.application.decidedAt),
  single('retrait', 'Candidature', 'Désistement le', (r) => r.application.withdrawnAt),
  single('id', 'Candidature', 'Identifiant Tremplin', (r) => r.application.id),

  single('civilite', 'Identité', 'Civilité', (r) => civilityLabel(r.application.civility)),
  single('prenom', 'Identité', 'Prénom', (r) => r.application.firstName),
  single('nom', 'Identité', 'Nom', (r) => r.application.lastName),
  single('naissance', 'Identité', 'Date de naissance', (r) => r.application.birthDate),
  single('email', 'Identité', 'E-mail', (r) => r.application.email),
  single('telephone', 'Identité', 'Téléphone', (r) => r.application.phone),
  single('adresse', 'Identité', 'Adresse', (r) => r.application.addressLine),
  single('code_postal', 'Identité', 'Code postal', (r) => r.application.postalCode),
  single('ville', 'Identité', 'Ville', (r) => r.application.city),
  single('pays', 'Identité', 'Pays', (r) => r.application.country),

  single('diplome', 'Études', 'Diplôme en cours', (r) => diplomaLabel(r.application.diploma)),
  single('etablissement', 'Études', 'Établissement', (r) => r.application.currentEstablishment),
  single('specialite', 'Études', 'Spécialité', (r) => r.application.specialty),
  single('annee', 'Études', 'Année d’obtention', (r) => r.application.graduationYear),
  single('motivation', 'Études', 'Lettre de motivation', (r) => r.application.motivation),

  {
    key: 'pieces',
    group: 'Pièces et recommandations',
    label: 'Pièces justificatives (état de chacune)',
    lookups: ['documents'],
    headers: (ctx) => ctx.documentNames.map((n) => `Pièce — ${n}`),
    cells: (row, ctx) =>
      ctx.documentNames.map((name) => {
        const d = row.documents.get(name)
        return d ? `${documentStatusLabels[d.status]} (${d.fileName})` : null
      }),
  },
  {
    key: 'pieces_detail',
    group: 'Pièces et recommandations',
    label: 'Pièces : date de dépôt et motif de refus',
    lookups: ['documents'],
    headers: (ctx) =>
      ctx.documentNames.flatMap((n) => [
        `Pièce — ${n} — déposée le`,
        `Pièce — ${n} — motif de refus`,
      ]),
    cells: (row, ctx) =>
      ctx.documentNames.flatMap((name) => {
        const d = row.documents.get(name)
        return [d?.uploadedAt ?? null, d?.status === 'refused' ? d.refusalReason : null]
      }),
  },
  single(
    'recos_recues',
    'Pièces et recommandations',
    'Recommandations reçues',
    (r) => `${r.receivedRecommendations}/${r.requiredRecommendations}`,
  ),
  {
    key: 'recos',
    group: 'Pièces et recommandations',
    label: 'Recommandations (détail par recommandant)',
    lookups: ['recommendations'],
    headers: (ctx) =>
      slots(ctx).flatMap((i) => {
        const n = `Recommandant ${i + 1}`
        return [
          n,
          `${n} — poste`,
          `${n} — e-mail`,
          `${n} — statut`,
          `${n} — avis global`,
          ...ctx.scaleLabels.map((l) => `${n} — ${l}`),
          `${n} — téléphone confirmé`,
          `${n} — code de vérification`,
        ]
      }),
    cells: recommenderCells,
  },
  {
    key: 'recos_textes',
    group: 'Pièces et recommandations',
    label: 'Recommandations : réponses rédigées, téléphone, date',
    lookups: ['recommendations'],
    headers: (ctx) =>
      slots(ctx).flatMap((i) => [
        `Recommandant ${i + 1} — transmise le`,
        `Recommandant ${i + 1} — téléphone`,
        ...ctx.textLabels.map((l) => `Recommandant ${i + 1} — ${l}`),
      ]),
    cells: (row, ctx) =>
      slots(ctx).flatMap((slot) => {
        const submitted = row.requests.find((x) => x.slot === slot)?.submitted
        return [
          submitted?.submittedAt ?? null,
          submitted?.phone ?? null,
          ...ctx.textLabels.map((label) => answer(submitted, label, 'text') ?? null),
        ]
      }),
  },

  single('moyenne', 'Examen et décision', 'Moyenne /20', (r) => r.result.average, ['reviews']),
  single('ecart', 'Examen et décision', 'Écart entre examinateurs', (r) => r.result.spread, [
    'reviews',
  ]),
  {
    key: 'notes_criteres',
    group: 'Examen et décision',
    label: 'Notes par critère (moyenne)',
    lookups: ['reviews'],
    headers: (ctx) => ctx.criterionLabels.map((l) => `Note — ${l}`),
    cells: criterionAverages,
  },
  {
    key: 'notes_examinateurs',
    group: 'Examen et décision',
    label: 'Note de chaque examinateur',
    lookups: ['reviews'],
    headers: (ctx) =>
      reviewerSlots(ctx).flatMap((i) => [
        `Examinateur ${i + 1}`,
        `Examinateur ${i + 1} — note /20`,
      ]),
    cells: (row, ctx) =>
      reviewerSlots(ctx).flatMap((i) => {
        const x = row.reviews[i]
        return [
          x?.reviewer ?? null,
          x ? (row.result.marks.find((m) => m.reviewerId === x.reviewerId)?.mark ?? null) : null,
        ]
      }),
  },
  {
    key: 'grilles',
    group: 'Examen et décision',
    label: 'Grille de chaque examinateur (notes par critère, commentaire)',
    lookups: ['reviews'],
    headers: (ctx) =>
      reviewerSlots(ctx).flatMap((i) => [
        ...ctx.criterionLabels.map((l) => `Examinateur ${i + 1} — ${l}`),
        `Examinateur ${i + 1} — commentaire`,
      ]),
    cells: (row, ctx) =>
      reviewerSlots(ctx).flatMap((i) => {
        const x = row.reviews[i]
        const scores = x?.scores ?? {}
        return [
          ...ctx.criterionLabels.map((label) => {
            const c = row.criteria.find((y) => y.label === label)
            return c && scores[c.id] !== undefined ? scores[c.id]! : null
          }),
          x?.comment || null,
        ]
      }),
  },
  single(
    'decision',
    'Examen et décision',
    'Décision publiée',
    (r) => (r.decision ? outcomeLabels[r.decision.outcome] : null),
    ['decision'],
  ),
  single(
    'motif',
    'Examen et décision',
    'Motif',
    (r) => [r.decision?.motivation, r.decision?.motivationText].filter(Boolean).join(' — ') || null,
    ['decision'],
  ),
  single('rang_attente', 'Examen et décision', 'Rang sur liste d’attente', (r) =>
    r.application.status === 'waitlisted' ? r.application.waitlistRank : null,
  ),
  single(
    'date_reponse',
    'Examen et décision',
    'Date limite de réponse',
    (r) => r.application.responseDeadline,
  ),
  single(
    'reponse',
    'Examen et décision',
    'Réponse du candidat le',
    (r) => r.application.answeredAt,
  ),
] as const satisfies readonly ExportColumn[]

export type ExportColumnKey = (typeof applicationExportColumns)[number]['key']
export const exportColumnKeys: ExportColumnKey[] = applicationExportColumns.map((c) => c.key)

/** The columns named in the URL (`colonnes=a,b`), in catalogue order; every column when none is valid. */
export function parseColumns(value: string | null | undefined): ExportColumnKey[] {
  const asked = new Set((value ?? '').split(',').map((s) => s.trim()))
  const chosen = exportColumnKeys.filter((k) => asked.has(k))
  return chosen.length > 0 ? chosen : exportColumnKeys
}

/** The chooser's view of the registry: groups of { key, label }, plain data for the browser. */
export const exportColumnChoices = applicationExportColumns.reduce<
  { group: string; columns: { key: ExportColumnKey; label: string }[] }[]
>((groups, { group, key, label }) => {
  const last = groups.at(-1)
  if (last?.group === group) last.columns.push({ key, label })
  else groups.push({ group, columns: [{ key, label }] })
  return groups
}, [])

// The arithmetic of the review grid, free of the database: every score is brought to a
// mark out of 20, weighted by its criterion, averaged per reviewer and then per file.

export type Criterion = { id: string; scaleMax: number; weight: number }
export type ReviewerScores = {
  reviewerId: string
  scores: Record<string, number | undefined>
  completed: boolean
}

/** Marks further apart than this (out of 20) between two reviewers of one file are flagged. */
export const DISAGREEMENT_THRESHOLD = 4

const round2 = (n: number) => Math.round(n * 100) / 100

/** A reviewer's weighted mark out of 20, or null until every criterion is scored. */
export function weightedMark(
  criteria: Criterion[],
  scores: Record<string, number | undefined>,
): number | null {
  if (criteria.length === 0) return null
  let total = 0
  let weights = 0
  for (const c of criteria) {
    const score = scores[c.id]
    if (score === undefined || score === null) return null
    total += (score / c.scaleMax) * 20 * c.weight
    weights += c.weight
  }
  return weights > 0 ? round2(total / weights) : null
}

export type FileResult = {
  marks: { reviewerId: string; mark: number }[]
  average: number | null
  spread: number | null
  disagreement: boolean
  scored: number
  assigned: number
}

/** One file's result: the mean of its finished reviews, and whether reviewers disagree. */
export function fileResult(criteria: Criterion[], reviews: ReviewerScores[]): FileResult {
  const marks = reviews.flatMap((r) => {
    const mark = r.completed ? weightedMark(criteria, r.scores) : null
    return mark === null ? [] : [{ reviewerId: r.reviewerId, mark }]
  })
  const values = marks.map((m) => m.mark)
  const average = values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null
  const spread = values.length > 1 ? round2(Math.max(...values) - Math.min(...values)) : null
  return {
    marks,
    average,
    spread,
    disagreement: spread !== null && spread >= DISAGREEMENT_THRESHOLD,
    scored: marks.length,
    assigned: reviews.length,
  }
}

/**
 * Ranks files by average (best first); ties share a rank ("1, 2, 2, 4"); files without a
 * finished review come last, unranked.
 */
export function rank<T extends { average: number | null }>(
  files: T[],
): (T & { rank: number | null })[] {
  const sorted = [...files].sort((a, b) => (b.average ?? -1) - (a.average ?? -1))
  let previous: number | null = null
  let previousRank = 0
  return sorted.map((file, index) => {
    if (file.average === null) return { ...file, rank: null }
    const r = file.average === previous ? previousRank : index + 1
    previous = file.average
    previousRank = r
    return { ...file, rank: r }
  })
}

/**
 * Spreads files over reviewers so that loads stay even: each file gets `perFile` distinct
 * reviewers, always the least loaded ones first (existing assignments count). Returns the
 * new (file, reviewer) pairs only.
 */
export function evenAssignments(
  files: { id: string; reviewers: string[] }[],
  reviewers: string[],
  perFile: number,
  existingLoad: Record<string, number> = {},
): { fileId: string; reviewerId: string }[] {
  const load = new Map(reviewers.map((r) => [r, existingLoad[r] ?? 0]))
  const out: { fileId: string; reviewerId: string }[] = []
  for (const file of files) {
    const have = new Set(file.reviewers)
    let missing = perFile - file.reviewers.filter((r) => load.has(r)).length
    while (missing > 0) {
      const candidates = reviewers
        .filter((r) => !have.has(r))
        .sort((a, b) => load.get(a)! - load.get(b)! || reviewers.indexOf(a) - reviewers.indexOf(b))
      const chosen = candidates[0]
      if (!chosen) break
      out.push({ fileId: file.id, reviewerId: chosen })
      have.add(chosen)
      load.set(chosen, load.get(chosen)! + 1)
      missing--
    }
  }
  return out
}

import type { NewReviewCriterion } from '@/db/schema'

// The review grid a new campaign starts with (the columns of the professors' Excel file);
// coordinators change it before the first score.
export const defaultCriteria: Omit<NewReviewCriterion, 'campaignId' | 'position'>[] = [
  { label: 'Résultats scolaires', scaleMax: 20, weight: 2 },
  { label: 'Motivation et projet', scaleMax: 20, weight: 1 },
  { label: 'Avis des recommandants', scaleMax: 20, weight: 1 },
]

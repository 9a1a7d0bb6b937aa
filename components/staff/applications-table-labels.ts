/** The applications table's column headers, in French: the sort caption names them too. */
export const applicationColumnLabels = {
  name: 'Candidat',
  programmeName: 'Formation',
  diploma: 'Diplôme en cours',
  status: 'Statut',
  submittedAt: 'Déposée le',
  received: 'Recommandations',
} as const

export type ApplicationColumn = keyof typeof applicationColumnLabels

/** What a screen reader hears before the table: the sort, by the column's visible name (never a code name). */
export function applicationsCaption(sorted: { column: string; desc: boolean } | undefined): string {
  if (!sorted || !(sorted.column in applicationColumnLabels))
    return 'Candidatures, triées par date de dépôt'
  const label = applicationColumnLabels[sorted.column as ApplicationColumn]
  return `Candidatures, triées par « ${label} », ordre ${sorted.desc ? 'décroissant' : 'croissant'}`
}

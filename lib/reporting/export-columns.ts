// The columns an applications export may contain, grouped as the column chooser shows them.
// Fixed columns are one cell each; "families" expand into several columns whose number
// depends on the campaigns exported (recommenders, documents, criteria, reviewers).
// Safe to import in the browser.

export const exportColumnGroups = [
  {
    group: 'Candidature',
    columns: [
      { key: 'formation', label: 'Formation' },
      { key: 'campagne', label: 'Campagne' },
      { key: 'statut', label: 'Statut' },
      { key: 'depot', label: 'Déposée le' },
      { key: 'creation', label: 'Commencée le' },
      { key: 'decidee', label: 'Décision publiée le' },
      { key: 'retrait', label: 'Désistement le' },
      { key: 'id', label: 'Identifiant Tremplin' },
    ],
  },
  {
    group: 'Identité',
    columns: [
      { key: 'civilite', label: 'Civilité' },
      { key: 'prenom', label: 'Prénom' },
      { key: 'nom', label: 'Nom' },
      { key: 'naissance', label: 'Date de naissance' },
      { key: 'email', label: 'E-mail' },
      { key: 'telephone', label: 'Téléphone' },
      { key: 'adresse', label: 'Adresse' },
      { key: 'code_postal', label: 'Code postal' },
      { key: 'ville', label: 'Ville' },
      { key: 'pays', label: 'Pays' },
    ],
  },
  {
    group: 'Études',
    columns: [
      { key: 'diplome', label: 'Diplôme en cours' },
      { key: 'etablissement', label: 'Établissement' },
      { key: 'specialite', label: 'Spécialité' },
      { key: 'annee', label: 'Année d’obtention' },
      { key: 'motivation', label: 'Lettre de motivation' },
    ],
  },
  {
    group: 'Pièces et recommandations',
    columns: [
      { key: 'pieces', label: 'Pièces justificatives (état de chacune)' },
      { key: 'pieces_detail', label: 'Pièces : date de dépôt et motif de refus' },
      { key: 'recos_recues', label: 'Recommandations reçues' },
      { key: 'recos', label: 'Recommandations (détail par recommandant)' },
      { key: 'recos_textes', label: 'Recommandations : réponses rédigées, téléphone, date' },
    ],
  },
  {
    group: 'Examen et décision',
    columns: [
      { key: 'moyenne', label: 'Moyenne /20' },
      { key: 'ecart', label: 'Écart entre examinateurs' },
      { key: 'notes_criteres', label: 'Notes par critère (moyenne)' },
      { key: 'notes_examinateurs', label: 'Note de chaque examinateur' },
      { key: 'grilles', label: 'Grille de chaque examinateur (notes par critère, commentaire)' },
      { key: 'decision', label: 'Décision publiée' },
      { key: 'motif', label: 'Motif' },
      { key: 'rang_attente', label: 'Rang sur liste d’attente' },
      { key: 'date_reponse', label: 'Date limite de réponse' },
      { key: 'reponse', label: 'Réponse du candidat le' },
    ],
  },
] as const

export type ExportColumnKey = (typeof exportColumnGroups)[number]['columns'][number]['key']
export const exportColumnKeys = exportColumnGroups.flatMap((g) =>
  g.columns.map((c) => c.key),
) as ExportColumnKey[]

/** The columns named in the URL (`colonnes=a,b`), in catalogue order; every column when none is valid. */
export function parseColumns(value: string | null | undefined): ExportColumnKey[] {
  const asked = new Set((value ?? '').split(',').map((s) => s.trim()))
  const chosen = exportColumnKeys.filter((k) => asked.has(k))
  return chosen.length > 0 ? chosen : exportColumnKeys
}

// What the legal representative reads and picks on the consent page, without zod: the public
// page loads only this up front (its schema comes on first focus, like the other public forms).

export const relationships = ['mere', 'pere', 'tuteur', 'autre'] as const
export type Relationship = (typeof relationships)[number]
export const relationshipLabels: Record<Relationship, string> = {
  mere: 'Mère',
  pere: 'Père',
  tuteur: 'Tuteur ou tutrice légal(e)',
  autre: 'Autre représentant(e) légal(e)',
}

/** Legal representatives write their relationship in free text on paper; the link offers these. */
export const relationshipLabel = (value: string | null) =>
  value && value in relationshipLabels ? relationshipLabels[value as Relationship] : (value ?? '')

/**
 * The exact words the representative ticks on the consent page; the receipt repeats them and
 * the audit entry keeps them, so what was agreed to can be shown later word for word.
 */
export function consentStatement(params: { studentName: string; establishmentName: string }) {
  return (
    `J’autorise ${params.studentName}, élève de l’établissement ${params.establishmentName}, à ` +
    'utiliser les services élèves de la plateforme Tremplin (sa page personnelle, la recherche ' +
    'et le suivi de ses stages, les échanges avec son établissement et les organismes ' +
    'd’accueil), et l’établissement à traiter pour cela les données nécessaires (identité, ' +
    'classe, coordonnées, documents de stage). Je sais que je peux retirer cette autorisation à ' +
    'tout moment, par le lien reçu par e-mail ou auprès de l’établissement.'
  )
}
